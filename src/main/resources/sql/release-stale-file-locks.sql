-- A gateway instance that died while reading a dropped file leaves its read lock behind; the file is
-- still in the inbox. Forget such locks after a while so another instance picks the file up.
DELETE FROM camel_messageprocessed
 WHERE processorname = 'batch-inbox' AND createdat < localtimestamp - make_interval(mins => :#minutes)
