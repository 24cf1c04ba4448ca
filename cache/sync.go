package cache

import "database/sql"

// DB is the underlying database, for sub-packages that keep their own
// tables in the cache (cache/sync).
func (s *Store) DB() *sql.DB { return s.db }
