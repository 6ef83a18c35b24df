-- When the session last started over: works made before it are kept (restorable by id) but no longer current,
-- and a kind's versions are counted from it ("go back to the first version" after starting over).
ALTER TABLE sessions ADD COLUMN started REAL NOT NULL DEFAULT 0;
