-- Documents for owners and the council (issue 19; seed 000, the extranet of
-- a professional syndic, in its volunteer's version).
--
-- binders: the « classeurs Syndic » of seed 000, each with the audiences
-- that see it (binder_audiences), editable per binder like the seed's grid.
-- Audiences: 'owner' the copropriétaire(s) a document concerns, 'owners'
-- every copropriétaire (for a document that concerns nobody in
-- particular), 'council' the members of the conseil syndical, 'president'
-- its president, 'supplier' a prestataire. A document naming owners is
-- never shown to the other owners, whatever its binder allows: that rule is
-- the publication's (app/publish), the grid only says who may see a binder.
CREATE TABLE binders (
    code     TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 30 AND code NOT GLOB '*[^a-z0-9_]*'),
    label    TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE binder_audiences (
    binder   TEXT NOT NULL REFERENCES binders (code) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('owner', 'owners', 'council', 'president', 'supplier')),
    PRIMARY KEY (binder, audience)
) WITHOUT ROWID;

-- The seed's grid, where it may be followed. Two departures, both for the
-- owners' privacy: deposit and transfer slips (« Bordereaux ») list other
-- owners' payments, so only the council sees them; reminders (« Contentieux
-- – relances ») are seen by the owner concerned and the council, never by
-- all owners.
INSERT INTO binders (code, label, position) VALUES
    ('ag', 'Assemblées générales', 1),
    ('bordereaux', 'Bordereaux', 2),
    ('cr', 'C.R.', 3),
    ('carnet', 'Carnet d''entretien', 4),
    ('conseil', 'Conseil syndical', 5),
    ('contentieux', 'Contentieux – relances', 6),
    ('contrat', 'Contrat syndical', 7),
    ('courriers', 'Courriers', 8),
    ('divers', 'Divers', 9),
    ('factures', 'Factures', 10),
    ('travaux', 'Interventions – travaux', 11),
    ('reglement', 'Règlement de copropriété', 12),
    ('releves', 'Relevés de charges', 13);
INSERT INTO binder_audiences (binder, audience)
SELECT b.code, a.audience FROM binders b, (SELECT 'owner' AS audience UNION ALL SELECT 'owners' UNION ALL SELECT 'council' UNION ALL SELECT 'president') a
WHERE b.code NOT IN ('bordereaux', 'conseil', 'contentieux');
INSERT INTO binder_audiences (binder, audience) VALUES
    ('bordereaux', 'council'), ('bordereaux', 'president'),
    ('conseil', 'council'), ('conseil', 'president'),
    ('contentieux', 'owner'), ('contentieux', 'council'), ('contentieux', 'president');

-- documents: the register of every document the program produced or the
-- syndic added. file is the document's path, relative to the residence's
-- documents folder when it lies inside it (the folder can move with the
-- residence), absolute otherwise; sha256 and size are those of the file as
-- registered, so a file changed or lost since is told. kind says what the
-- document is (ledger.DocumentKinds): the e-mail refuses the kinds the law
-- wants registered (AG convocation, notification of the minutes). entry is
-- the entry a scanned invoice belongs to (0: none). A withdrawn document
-- stays in the register (the mail log names it) but is no longer
-- published: the next publication removes it.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    binder       TEXT NOT NULL REFERENCES binders (code),
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 30 AND kind NOT GLOB '*[^a-z0-9_]*'),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    title        TEXT NOT NULL,
    exercise     INTEGER NOT NULL DEFAULT 0,
    file         TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 4096),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size         INTEGER NOT NULL CHECK (size >= 0),
    entry        INTEGER NOT NULL DEFAULT 0,
    added_at     TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
    withdrawn_at TEXT NOT NULL DEFAULT '' CHECK (withdrawn_at = '' OR withdrawn_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
-- One live document per file: producing a file again updates its line.
CREATE UNIQUE INDEX documents_file ON documents (file) WHERE withdrawn_at = '';
CREATE INDEX documents_binder ON documents (binder, date);

CREATE TABLE document_owners (
    document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    owner    TEXT NOT NULL REFERENCES owners (account),
    PRIMARY KEY (document, owner)
) WITHOUT ROWID;
CREATE INDEX document_owners_owner ON document_owners (owner);

-- owner_consents: an owner's consent to electronic notification (loi 1965
-- art. 42-1, décret 1967 art. 64-1 to 64-4): the address he gave, the day
-- he agreed, the day he withdrew (he may at any time). The rows are kept
-- once withdrawn: they are the proof of what was agreed when a message was
-- sent. At most one consent of an owner is in force.
CREATE TABLE owner_consents (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    owner      TEXT NOT NULL REFERENCES owners (account),
    email      TEXT NOT NULL,
    given_at   TEXT NOT NULL CHECK (given_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    revoked_at TEXT NOT NULL DEFAULT '' CHECK (revoked_at = '' OR revoked_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
CREATE UNIQUE INDEX owner_consents_in_force ON owner_consents (owner) WHERE revoked_at = '';

-- mailings and mail_messages: the send log. A mailing is one sending (the
-- notices of a call, the reminders of a day…); each message to one owner
-- is written 'sending' and committed before the program talks to the
-- server, then 'sent' once the server accepted it, or 'refused' with the
-- server's words. A crash leaves at most the message being sent as
-- 'sending': its fate is unknown and the log says so; every 'sent' was
-- accepted. 'skipped' owners had no consent or no address (listed for
-- printing); 'pending' messages wait for their turn.
CREATE TABLE mailings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 30 AND kind NOT GLOB '*[^a-z0-9_]*'),
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
    subject    TEXT NOT NULL
);

CREATE TABLE mail_messages (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    mailing  INTEGER NOT NULL REFERENCES mailings (id),
    owner    TEXT NOT NULL REFERENCES owners (account),
    address  TEXT NOT NULL,
    status   TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'refused', 'skipped')),
    reason   TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL DEFAULT '' CHECK (at = '' OR at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
    tries    INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0)
);
CREATE INDEX mail_messages_mailing ON mail_messages (mailing, owner);
CREATE INDEX mail_messages_owner ON mail_messages (owner);

CREATE TABLE mail_documents (
    message  INTEGER NOT NULL REFERENCES mail_messages (id) ON DELETE CASCADE,
    document INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (message, document)
) WITHOUT ROWID;

-- publications: each « Publier… » into a folder, and what each audience's
-- space holds after it (published), so the next one writes only what is
-- new or changed and removes what was withdrawn. audience names a space:
-- 'owner:450001', 'owners', 'council', 'president', 'supplier'.
CREATE TABLE publications (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    folder   TEXT NOT NULL CHECK (length(folder) BETWEEN 1 AND 4096),
    at       TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
    since    TEXT NOT NULL DEFAULT '' CHECK (since = '' OR since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    added    INTEGER NOT NULL DEFAULT 0 CHECK (added >= 0),
    removed  INTEGER NOT NULL DEFAULT 0 CHECK (removed >= 0)
);

CREATE TABLE published (
    folder   TEXT NOT NULL CHECK (length(folder) BETWEEN 1 AND 4096),
    audience TEXT NOT NULL CHECK (length(audience) BETWEEN 1 AND 30 AND audience NOT GLOB '*[^a-z0-9:]*'),
    document INTEGER NOT NULL REFERENCES documents (id),
    sha256   TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    name     TEXT NOT NULL,
    publication INTEGER NOT NULL REFERENCES publications (id),
    PRIMARY KEY (folder, audience, document)
) WITHOUT ROWID;

-- The typed-looking texts of these tables, limited like every other.

CREATE TRIGGER binders_label_text_insert BEFORE INSERT ON binders
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un classeur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER binders_label_text_update BEFORE UPDATE OF label ON binders
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un classeur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER documents_title_text_insert BEFORE INSERT ON documents
WHEN length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''un document : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER documents_title_text_update BEFORE UPDATE OF title ON documents
WHEN NEW.title IS NOT OLD.title AND (length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''un document : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER documents_file_text_insert BEFORE INSERT ON documents
WHEN length(NEW.file) > 4096 OR instr(CAST(NEW.file AS BLOB), x'00') > 0
     OR NEW.file GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: fichier d''un document : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER documents_file_text_update BEFORE UPDATE OF file ON documents
WHEN NEW.file IS NOT OLD.file AND (length(NEW.file) > 4096 OR instr(CAST(NEW.file AS BLOB), x'00') > 0
     OR NEW.file GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: fichier d''un document : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owner_consents_email_text_insert BEFORE INSERT ON owner_consents
WHEN length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un accord de notification électronique : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owner_consents_email_text_update BEFORE UPDATE OF email ON owner_consents
WHEN NEW.email IS NOT OLD.email AND (length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un accord de notification électronique : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mailings_title_text_insert BEFORE INSERT ON mailings
WHEN length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''un envoi : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mailings_title_text_update BEFORE UPDATE OF title ON mailings
WHEN NEW.title IS NOT OLD.title AND (length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''un envoi : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mailings_subject_text_insert BEFORE INSERT ON mailings
WHEN length(NEW.subject) > 500 OR instr(CAST(NEW.subject AS BLOB), x'00') > 0
     OR NEW.subject GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: objet d''un message : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mailings_subject_text_update BEFORE UPDATE OF subject ON mailings
WHEN NEW.subject IS NOT OLD.subject AND (length(NEW.subject) > 500 OR instr(CAST(NEW.subject AS BLOB), x'00') > 0
     OR NEW.subject GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: objet d''un message : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_address_text_insert BEFORE INSERT ON mail_messages
WHEN length(NEW.address) > 255 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un message : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_address_text_update BEFORE UPDATE OF address ON mail_messages
WHEN NEW.address IS NOT OLD.address AND (length(NEW.address) > 255 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un message : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_reason_text_insert BEFORE INSERT ON mail_messages
WHEN length(NEW.reason) > 10000 OR instr(CAST(NEW.reason AS BLOB), x'00') > 0
     OR NEW.reason GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: réponse du serveur : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_reason_text_update BEFORE UPDATE OF reason ON mail_messages
WHEN NEW.reason IS NOT OLD.reason AND (length(NEW.reason) > 10000 OR instr(CAST(NEW.reason AS BLOB), x'00') > 0
     OR NEW.reason GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: réponse du serveur : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER publications_folder_text_insert BEFORE INSERT ON publications
WHEN length(NEW.folder) > 4096 OR instr(CAST(NEW.folder AS BLOB), x'00') > 0
     OR NEW.folder GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: dossier de publication : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER publications_folder_text_update BEFORE UPDATE OF folder ON publications
WHEN NEW.folder IS NOT OLD.folder AND (length(NEW.folder) > 4096 OR instr(CAST(NEW.folder AS BLOB), x'00') > 0
     OR NEW.folder GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: dossier de publication : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER published_name_text_insert BEFORE INSERT ON published
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un document publié : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER published_name_text_update BEFORE UPDATE OF name ON published
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un document publié : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;
