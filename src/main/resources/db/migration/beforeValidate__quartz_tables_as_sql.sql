-- Databases migrated before V2__QuartzTables.sql existed recorded version 2 as a Java migration (type JDBC, no
-- checksum) that created the same Quartz 2.5.2 tables from the Quartz jar. Record it as the SQL migration it now
-- is, so that Flyway's validation accepts those databases; their tables are already right. Flyway runs this before
-- every validation; once the row is aligned it changes nothing.
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        UPDATE flyway_schema_history
           SET type = 'SQL', script = 'V2__QuartzTables.sql', checksum = 636540106
         WHERE version = '2' AND type = 'JDBC';
    END IF;
END $$;
