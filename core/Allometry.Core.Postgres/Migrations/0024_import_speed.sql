-- Reserved placeholder: replaced by the change that owns this number before it ships.
SELECT allometry_isolate_tenant_tables();
