// Composition root and CLI entry point; the commands are wired in Cli/.
return 0;
