-- The general assembly (issue 21): its preparation, the convocation, the
-- attendance and the votes. The vote rules (majorities, proxy limits,
-- postal forms' validity, the reduction of an owner holding more than half
-- of the votes) are computed in Go from these records, never stored.
--
-- An assembly is a draft while the syndic prepares it, 'convened' once the
-- convocations went out (convened_on), 'held' once it took place. The
-- supporting documents can be consulted between the convocation and the
-- assembly (loi 1965 art. 18-1): consult_from .. consult_to, at
-- consult_place; '' while not set.
CREATE TABLE assemblies (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    time          TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time < '24:00'),
    place         TEXT NOT NULL CHECK (place <> ''),
    kind          TEXT NOT NULL DEFAULT 'ordinaire' CHECK (kind IN ('ordinaire', 'extraordinaire')),
    exercise_id   INTEGER REFERENCES exercises (id),
    consult_from  TEXT NOT NULL DEFAULT '' CHECK (consult_from = '' OR consult_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    consult_to    TEXT NOT NULL DEFAULT '' CHECK (consult_to = '' OR consult_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    consult_place TEXT NOT NULL DEFAULT '',
    convened_on   TEXT CHECK (convened_on IS NULL OR convened_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    president     TEXT NOT NULL DEFAULT '',
    secretary     TEXT NOT NULL DEFAULT '',
    scrutineers   TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'convened', 'held')),
    CHECK ((consult_from = '') = (consult_to = '')),
    CHECK (consult_to = '' OR (consult_from <= consult_to AND consult_to < day)),
    CHECK (convened_on IS NULL OR convened_on <= day),
    CHECK (status = 'draft' OR convened_on IS NOT NULL)
);
CREATE INDEX assemblies_day ON assemblies (day);

-- A resolution of the agenda, in the order of number. article is the
-- majority the law asks (loi 1965 art. 24, 25, 26, or unanimity); the
-- second votes of art. 25-1 and 26 are consequences, not kinds. key is the
-- key whose tantièmes vote, NULL for the residence's general key (loi art.
-- 24 II: only the owners of a special key vote on its charges).
-- fingerprint is, for the approval of the accounts, the books' fingerprint
-- printed on the annexes the assembly was shown.
CREATE TABLE resolutions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    assembly_id INTEGER NOT NULL REFERENCES assemblies (id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    title       TEXT NOT NULL CHECK (title <> ''),
    text        TEXT NOT NULL DEFAULT '',
    article     TEXT NOT NULL DEFAULT '24' CHECK (article IN ('24', '25', '26', 'unanimite')),
    key         TEXT REFERENCES keys (code),
    kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('budget', 'accounts', 'works', 'other')),
    exercise_id INTEGER REFERENCES exercises (id),
    outcome     TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'adoptee', 'rejetee')),
    fingerprint TEXT NOT NULL DEFAULT '' CHECK (length(fingerprint) <= 19 AND fingerprint NOT GLOB '*[^0-9A-F-]*'),
    CHECK (exercise_id IS NULL OR kind IN ('budget', 'accounts')),
    CHECK (fingerprint = '' OR kind = 'accounts')
);
CREATE INDEX resolutions_assembly ON resolutions (assembly_id, number);

-- A key an agenda votes on stays: the resolution names it.
CREATE TRIGGER keys_delete_resolutions BEFORE DELETE ON keys
WHEN EXISTS (SELECT 1 FROM resolutions WHERE key = OLD.code)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une clé sur laquelle vote une résolution d''assemblée générale ne peut pas être supprimée');
END;

-- The documents of the register attached to the convocation (annexes,
-- budget, projet de décompte, works quotes: loi 1965 art. 18-1 and décret
-- 1967 art. 11).
CREATE TABLE assembly_documents (
    assembly_id INTEGER NOT NULL REFERENCES assemblies (id),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (assembly_id, document_id)
) WITHOUT ROWID;

-- An owner's attendance: present, represented by a mandataire (an owner,
-- proxy_owner, or someone else, proxy_name), voting by post (décret
-- 2020-834; the day the form arrived, form_received, decides whether it
-- counts: décret 1967 art. 9 bis), or absent. No line: not recorded yet.
CREATE TABLE attendances (
    assembly_id   INTEGER NOT NULL REFERENCES assemblies (id),
    owner         TEXT NOT NULL REFERENCES owners (account),
    status        TEXT NOT NULL CHECK (status IN ('present', 'represented', 'postal', 'absent')),
    proxy_owner   TEXT REFERENCES owners (account),
    proxy_name    TEXT NOT NULL DEFAULT '',
    form_received TEXT CHECK (form_received IS NULL OR form_received GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK ((status = 'represented') = (proxy_owner IS NOT NULL OR proxy_name <> '')),
    CHECK (proxy_owner IS NULL OR proxy_name = ''),
    CHECK (proxy_owner IS NULL OR proxy_owner <> owner),
    CHECK (form_received IS NULL OR status = 'postal'),
    PRIMARY KEY (assembly_id, owner)
) WITHOUT ROWID;

-- An owner's vote on a resolution; round 2 is the second vote of art.
-- 25-1 or 26.
CREATE TABLE votes (
    resolution_id INTEGER NOT NULL REFERENCES resolutions (id),
    owner         TEXT NOT NULL REFERENCES owners (account),
    round         INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
    choice        TEXT NOT NULL CHECK (choice IN ('pour', 'contre', 'abstention')),
    PRIMARY KEY (resolution_id, owner, round)
) WITHOUT ROWID;

-- A vote needs an owner who took part: present, represented or by post.
-- Said by the program too; this holds for raw SQL.
CREATE TRIGGER votes_attendance_insert BEFORE INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM attendances a JOIN resolutions r ON r.assembly_id = a.assembly_id
                 WHERE r.id = NEW.resolution_id AND a.owner = NEW.owner AND a.status <> 'absent')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: un copropriétaire absent ou non inscrit à la feuille de présence ne vote pas');
END;

CREATE TRIGGER votes_attendance_update BEFORE UPDATE OF owner, resolution_id ON votes
WHEN NOT EXISTS (SELECT 1 FROM attendances a JOIN resolutions r ON r.assembly_id = a.assembly_id
                 WHERE r.id = NEW.resolution_id AND a.owner = NEW.owner AND a.status <> 'absent')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: un copropriétaire absent ou non inscrit à la feuille de présence ne vote pas');
END;

CREATE TRIGGER assemblies_place_text_insert BEFORE INSERT ON assemblies
WHEN length(NEW.place) > 1000 OR instr(CAST(NEW.place AS BLOB), x'00') > 0
     OR NEW.place GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lieu de l''assemblée générale : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_place_text_update BEFORE UPDATE OF place ON assemblies
WHEN NEW.place IS NOT OLD.place AND (length(NEW.place) > 1000 OR instr(CAST(NEW.place AS BLOB), x'00') > 0
     OR NEW.place GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lieu de l''assemblée générale : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_consult_place_text_insert BEFORE INSERT ON assemblies
WHEN length(NEW.consult_place) > 1000 OR instr(CAST(NEW.consult_place AS BLOB), x'00') > 0
     OR NEW.consult_place GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lieu de consultation des pièces justificatives : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_consult_place_text_update BEFORE UPDATE OF consult_place ON assemblies
WHEN NEW.consult_place IS NOT OLD.consult_place AND (length(NEW.consult_place) > 1000 OR instr(CAST(NEW.consult_place AS BLOB), x'00') > 0
     OR NEW.consult_place GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lieu de consultation des pièces justificatives : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_president_text_insert BEFORE INSERT ON assemblies
WHEN length(NEW.president) > 255 OR instr(CAST(NEW.president AS BLOB), x'00') > 0
     OR NEW.president GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: président de séance : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_president_text_update BEFORE UPDATE OF president ON assemblies
WHEN NEW.president IS NOT OLD.president AND (length(NEW.president) > 255 OR instr(CAST(NEW.president AS BLOB), x'00') > 0
     OR NEW.president GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: président de séance : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_secretary_text_insert BEFORE INSERT ON assemblies
WHEN length(NEW.secretary) > 255 OR instr(CAST(NEW.secretary AS BLOB), x'00') > 0
     OR NEW.secretary GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: secrétaire de séance : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_secretary_text_update BEFORE UPDATE OF secretary ON assemblies
WHEN NEW.secretary IS NOT OLD.secretary AND (length(NEW.secretary) > 255 OR instr(CAST(NEW.secretary AS BLOB), x'00') > 0
     OR NEW.secretary GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: secrétaire de séance : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_scrutineers_text_insert BEFORE INSERT ON assemblies
WHEN length(NEW.scrutineers) > 500 OR instr(CAST(NEW.scrutineers AS BLOB), x'00') > 0
     OR NEW.scrutineers GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: scrutateurs : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER assemblies_scrutineers_text_update BEFORE UPDATE OF scrutineers ON assemblies
WHEN NEW.scrutineers IS NOT OLD.scrutineers AND (length(NEW.scrutineers) > 500 OR instr(CAST(NEW.scrutineers AS BLOB), x'00') > 0
     OR NEW.scrutineers GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: scrutateurs : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER resolutions_title_text_insert BEFORE INSERT ON resolutions
WHEN length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''une résolution : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER resolutions_title_text_update BEFORE UPDATE OF title ON resolutions
WHEN NEW.title IS NOT OLD.title AND (length(NEW.title) > 500 OR instr(CAST(NEW.title AS BLOB), x'00') > 0
     OR NEW.title GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: titre d''une résolution : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER resolutions_text_text_insert BEFORE INSERT ON resolutions
WHEN length(NEW.text) > 10000 OR instr(CAST(NEW.text AS BLOB), x'00') > 0
     OR NEW.text GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''une résolution : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER resolutions_text_text_update BEFORE UPDATE OF text ON resolutions
WHEN NEW.text IS NOT OLD.text AND (length(NEW.text) > 10000 OR instr(CAST(NEW.text AS BLOB), x'00') > 0
     OR NEW.text GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''une résolution : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER attendances_proxy_name_text_insert BEFORE INSERT ON attendances
WHEN length(NEW.proxy_name) > 255 OR instr(CAST(NEW.proxy_name AS BLOB), x'00') > 0
     OR NEW.proxy_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du mandataire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER attendances_proxy_name_text_update BEFORE UPDATE OF proxy_name ON attendances
WHEN NEW.proxy_name IS NOT OLD.proxy_name AND (length(NEW.proxy_name) > 255 OR instr(CAST(NEW.proxy_name AS BLOB), x'00') > 0
     OR NEW.proxy_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du mandataire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

