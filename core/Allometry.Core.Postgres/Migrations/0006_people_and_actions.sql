-- Reserved; filled in by the change that introduces these tables.
SELECT allometry_isolate_tenant_tables();
