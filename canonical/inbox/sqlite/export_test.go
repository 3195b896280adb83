package sqlite

// DSN exposes the driver name Open uses, for the pragma test.
func (c Config) DSN(path string) string { return c.dsn(path) }
