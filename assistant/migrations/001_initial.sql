-- Sessions, their messages, versions and current heads. Media files stay in each session's folder.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,        -- sha256 of the owner's secret; the secret itself is never stored
    brief TEXT NOT NULL,             -- the CreativeBrief as JSON
    next_seed INTEGER NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE messages (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE TABLE versions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('reserved', 'done')),
    body TEXT,                       -- the Version as JSON once done
    created REAL NOT NULL,
    PRIMARY KEY (session_id, kind, number)
);
CREATE TABLE heads (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    version_id TEXT NOT NULL,
    PRIMARY KEY (session_id, kind)
);
