-- Swift 2.30.1 swift/account/backend.py AccountBroker.create_policy_stat_table. Statement text is byte-identical to
-- Swift's (sqlite_master keeps it verbatim and Swift nodes rsync these files whole); do not reformat.
CREATE TABLE policy_stat (
                storage_policy_index INTEGER PRIMARY KEY,
                container_count INTEGER DEFAULT 0,
                object_count INTEGER DEFAULT 0,
                bytes_used INTEGER DEFAULT 0
            );
INSERT OR IGNORE INTO policy_stat (
                storage_policy_index, container_count, object_count,
                bytes_used
            )
            SELECT 0, container_count, object_count, bytes_used
            FROM account_stat
            WHERE container_count > 0;
