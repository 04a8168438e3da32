package ledger

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite: the CLI and tests build without cgo
)

// ApplicationID marks a SQLite file as a Tantième residence ("TANT").
const ApplicationID = 0x54414e54

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open residence file.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	lock     *writerLock // held while open for writing: one writer per residence
	crashed  *Holder     // who left the file open when he stopped (a crash), if anyone
	damage   []string    // quick_check findings of a damaged file opened to inspect it
	notes    []string    // what the migrations of this opening did that the user should know
	verifier *verifier   // remembers the file's verified state at a clean close (verified.go)
	skipped  bool        // the quick check was skipped: the file was as last verified

	zipping sync.WaitGroup // safety copies being zipped in the background (archive_safety.go)
}

// MigrationNotes says, in French, what bringing the file up to date did
// that the user should be told (e.g. the entries chained once).
func (d *DB) MigrationNotes() []string { return d.notes }

// Crashed names the program that had the residence open for writing when it
// stopped without closing it (power cut, killed), detected at this opening;
// SQLite has undone its unfinished work. Nil after a clean close.
func (d *DB) Crashed() *Holder { return d.crashed }

// Damage lists what the integrity check found wrong at opening (only a file
// opened with OpenInspect can be damaged).
func (d *DB) Damage() []string { return d.damage }

// Path is the file the residence was opened from.
func (d *DB) Path() string { return d.path }

// ReadOnly says whether the residence was opened for reading only.
func (d *DB) ReadOnly() bool { return d.readOnly }

// SchemaVersion is the schema this program writes (the number of migrations).
func SchemaVersion() int {
	names, _ := migrationNames()
	return len(names)
}

// Open opens an existing residence file for reading and writing, bringing an
// older schema up to date. It takes the writer lock: a residence another
// program has open for writing is refused with a BusyError naming him.
func Open(file string) (*DB, error) { return open(file, modeWrite) }

// OpenReadOnly opens an existing residence without ever writing to it, even
// while another program writes it.
func OpenReadOnly(file string) (*DB, error) { return open(file, modeRead) }

// OpenInspect opens a residence read-only even when it is damaged, so that
// Check can say what is wrong.
func OpenInspect(file string) (*DB, error) { return open(file, modeInspect) }

type openMode int

const (
	modeWrite openMode = iota
	modeRead
	modeInspect
	modeCandidate // a restored copy: as modeWrite, without the safety copy before migrating
)

func open(file string, mode openMode) (*DB, error) { return openWith(file, mode, Options{}) }

func openWith(file string, mode openMode, o Options) (d *DB, err error) {
	readOnly := mode == modeRead || mode == modeInspect
	st, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Errorf(NotFound, "Le fichier « %s » n'existe pas", file)
		}
		return nil, Wrap(Internal, err, "Le fichier « %s » ne peut pas être lu", file)
	}
	if st.IsDir() {
		return nil, Errorf(Invalid, "« %s » est un dossier, pas une résidence", file)
	}
	if err := checkHeader(file); err != nil {
		return nil, err
	}
	var lock *writerLock
	var crashed *Holder
	if readOnly {
		if crashed, err = recoverHotJournal(file); err != nil {
			return nil, err
		}
	} else {
		if lock, err = acquireWriterLock(file); err != nil {
			return nil, err
		}
		crashed = lock.stale
		defer func() {
			if err != nil {
				lock.release()
			}
		}()
	}
	// The file's state is read before SQLite opens it (verified.go). A
	// crash, and a restored copy being prepared, always get the full check.
	var v *verifier
	known := false
	if mode != modeCandidate && crashed == nil {
		v = startVerifier(o.Verified, file)
	}
	if v != nil {
		if !readOnly {
			// Forgotten before anything is written: a crash from here on
			// leaves no remembered state, so the next opening checks all.
			v.store.Forget(v.abs)
		}
		defer func() {
			if err != nil && v != nil {
				if KindOf(err) == Damaged {
					v.store.Forget(v.abs)
				}
				v.head.Close() // after SQLite's close (see closeVerified)
			}
		}()
	}
	d, err = connect(file, readOnly)
	if err != nil {
		return nil, err
	}
	d.lock, d.crashed = lock, crashed
	var appID int64
	if err := d.sql.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		d.Close()
		if isCorrupt(err) {
			findings := []string{"structure illisible"}
			return nil, &Error{Kind: Damaged, Msg: damagedMessage(file, findings), Err: &DamagedError{File: file, Findings: findings}}
		}
		return nil, Wrap(Invalid, err, "« %s » n'est pas une résidence Tantième lisible", file)
	}
	if appID != ApplicationID {
		d.Close()
		return nil, Errorf(Invalid, "« %s » n'est pas une résidence Tantième", file)
	}
	version, err := d.userVersion()
	if err != nil {
		d.Close()
		return nil, err
	}
	if version > SchemaVersion() {
		d.Close()
		return nil, Errorf(Invalid, "« %s » a été écrit par une version plus récente de Tantième (schéma %d, ce programme connaît le schéma %d) : mettez Tantième à jour", file, version, SchemaVersion())
	}
	if version < 1 {
		// Only a creation cut short, or an edit by hand, leaves a residence
		// without a schema version; nothing can be migrated from there.
		d.Close()
		findings := []string{fmt.Sprintf("version de schéma %d invalide", version)}
		return nil, &Error{Kind: Damaged, Msg: damagedMessage(file, findings), Err: &DamagedError{File: file, Findings: findings}}
	}
	if v != nil {
		read := false
		if read, known = v.wait(); !read {
			v.head.Close() // nothing to remember: as if there were no store
			v = nil
		}
	}
	findings, err := d.integrity(!known)
	steady := false // the file was the same before and after its check
	if v != nil && err == nil && len(findings) == 0 {
		// Read again once SQLite is idle: a file changed while it was
		// being opened (a read-only opening may run beside a writer) is
		// checked in full and never remembered from this opening.
		if steady = v.unchanged(); !steady && known {
			known = false
			findings, err = d.integrity(true)
		}
	}
	d.skipped = known
	if err != nil {
		d.Close()
		return nil, err
	} else if len(findings) > 0 {
		if v != nil && mode == modeInspect {
			v.store.Forget(v.abs) // (the other modes return Damaged: see above)
		}
		if mode != modeInspect {
			d.Close()
			return nil, &Error{Kind: Damaged, Msg: damagedMessage(file, findings), Err: &DamagedError{File: file, Findings: findings}}
		}
		d.damage = findings
		if v != nil {
			v.head.Close() // SQLite is idle: it holds no lock to lose
		}
		return d, nil
	}
	if version < SchemaVersion() {
		if readOnly {
			d.Close()
			return nil, Errorf(Locked, "« %s » doit être mis à jour vers le schéma %d, ce qui est impossible en lecture seule", file, SchemaVersion())
		}
		// The safety copy, then the migration's journal and growth.
		if err := d.EnsureSpace(2 * d.FileSize()); err != nil {
			d.Close()
			return nil, err
		}
		if mode != modeCandidate {
			if _, err := d.SafetyCopy(ReasonMigration); err != nil {
				d.Close()
				return nil, err
			}
		}
		if err := d.migrate(version); err != nil {
			err = d.undoFailedWrite(d.sql, err)
			d.Close()
			return nil, err
		}
		v.noteWrite()
	}
	if v != nil {
		if v.version, err = d.dataVersion(); err != nil {
			d.Close()
			return nil, sqlError(err, "lecture de la version des données")
		}
		// Checked, and the same file before and after the check: it may
		// be remembered, now for a read-only opening, at a clean close
		// for any (verified.go).
		v.ok = steady
		if steady && readOnly && !known {
			v.store.Remember(v.opened)
		}
		d.verifier = v
	}
	return d, nil
}

// checkHeader refuses files that are not SQLite databases before SQLite sees
// them, so that a wrong file is never touched.
func checkHeader(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return Wrap(Internal, err, "Le fichier « %s » ne peut pas être lu", file)
	}
	defer f.Close()
	head := make([]byte, 16)
	if n, _ := f.Read(head); n < 16 || string(head) != "SQLite format 3\x00" {
		return Errorf(Invalid, "« %s » n'est pas une résidence Tantième (fichier .copro attendu)", file)
	}
	return nil
}

// Create writes a new residence file: schema, official chart, journals, the
// general key and the exercises of setup. The file must not exist.
func Create(file string, setup Setup) (*DB, error) {
	if err := setup.Validate(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(file); err == nil {
		return nil, Errorf(Conflict, "Le fichier « %s » existe déjà : choisissez un autre nom", file)
	}
	lock, err := acquireWriterLock(file)
	if err != nil {
		return nil, err
	}
	d, err := connect(file, false)
	if err != nil {
		lock.release()
		return nil, err
	}
	d.lock = lock
	fail := func(err error) (*DB, error) {
		d.Close()
		os.Remove(file)
		return nil, err
	}
	if _, err := d.sql.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return fail(sqlError(err, "création de la résidence"))
	}
	if err := d.migrate(0); err != nil {
		return fail(err)
	}
	if err := d.Update(func(tx *Tx) error { return tx.initialize(setup) }); err != nil {
		return fail(err)
	}
	return d, nil
}

func connect(file string, readOnly bool) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	// Statement journals (one per INSERT that a trigger may abort, kept
	// for the transaction) in memory rather than in a temporary file: an
	// import of 100,000 lines made 2.2 million pwrite calls there (issue
	// 22). They hold the pages one statement touched, and are dropped at
	// the end of the transaction; the rollback journal is unchanged.
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		// Rollback journal: the .copro file alone is always the whole residence.
		q.Add("_pragma", "journal_mode(DELETE)")
	}
	dsn := "file:" + (&url.URL{Path: file}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, Wrap(Internal, err, "Le fichier « %s » ne peut pas être ouvert", file)
	}
	// One connection: one writer, and reads see the writes of the workflow
	// that made them. Callers never hold a cursor open across another query.
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		if isCorrupt(err) {
			findings := []string{"structure illisible"}
			return nil, &Error{Kind: Damaged, Msg: damagedMessage(file, findings), Err: &DamagedError{File: file, Findings: findings}}
		}
		return nil, Wrap(Internal, err, "Le fichier « %s » ne peut pas être ouvert", file)
	}
	return &DB{sql: db, path: file, readOnly: readOnly}, nil
}

// Close closes the file and lets the writer lock go.
func (d *DB) Close() error {
	if d == nil || d.sql == nil {
		return nil
	}
	d.zipping.Wait() // the plain safety copies are made archives before the program may exit
	var err error
	if v := d.verifier; v != nil {
		d.verifier = nil
		err = d.closeVerified(v)
	} else {
		err = d.sql.Close()
	}
	d.lock.release()
	d.lock = nil
	return err
}

func (d *DB) userVersion() (int, error) {
	var v int
	if err := d.sql.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, sqlError(err, "lecture de la version du fichier")
	}
	return v, nil
}

func migrationNames() ([]string, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// migrate applies the migrations after version, each in its own transaction
// together with the new user_version.
func (d *DB) migrate(version int) error { return d.migrateTo(version, SchemaVersion()) }

// migrateTo applies migrations from+1..to. A migration may have a Go step
// (migrationSteps), run in its transaction after its SQL.
func (d *DB) migrateTo(from, to int) error {
	names, err := migrationNames()
	if err != nil {
		return Wrap(Internal, err, "Migrations introuvables")
	}
	if from < 0 || to > len(names) {
		return Errorf(Internal, "Migration impossible du schéma %d vers le schéma %d", from, to)
	}
	for i := from; i < to; i++ {
		n, err := strconv.Atoi(strings.SplitN(names[i], "_", 2)[0])
		if err != nil || n != i+1 {
			return Errorf(Internal, "Migration mal numérotée : %s", names[i])
		}
		body, err := migrations.ReadFile(path.Join("migrations", names[i]))
		if err != nil {
			return Wrap(Internal, err, "Migration illisible : %s", names[i])
		}
		tx, err := d.sql.BeginTx(context.Background(), nil)
		if err != nil {
			return sqlError(err, "mise à jour du fichier")
		}
		if _, err := tx.Exec(string(body)); err != nil {
			tx.Rollback()
			return Wrap(Internal, err, "Mise à jour du fichier impossible (%s)", names[i])
		}
		if step := migrationSteps[migrationStepName(names[i])]; step != nil {
			note, err := step(&Tx{tx: tx, writable: true})
			if err != nil {
				tx.Rollback()
				return err
			}
			if note != "" {
				d.notes = append(d.notes, note)
			}
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return sqlError(err, "mise à jour du fichier")
		}
		if err := tx.Commit(); err != nil {
			return sqlError(err, "mise à jour du fichier")
		}
	}
	return nil
}

// Tx is one transaction on the books. Every workflow that writes runs in one
// Tx (DB.Update), so that it succeeds entirely or leaves the file untouched.
type Tx struct {
	tx       *sql.Tx
	writable bool
	cache    map[string]any // per-transaction lookups (exercises, accounts)
	kept     int            // statements kept in cache (see prepared)
}

// connWait is how long View and Update wait for the residence's only
// connection. Workflows hold it for seconds at most; a View or Update called
// from inside another one's callback would wait forever for a connection its
// own caller holds, so it fails after this with an error instead of hanging.
var connWait = 2 * time.Minute

// conn takes the residence's single connection (see connect).
func (d *DB) conn() (*sql.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), connWait)
	defer cancel()
	c, err := d.sql.Conn(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return nil, Errorf(Internal, "La résidence est occupée par un autre traitement depuis plus de %s (une lecture imbriquée dans une écriture ?)", connWait)
	}
	if err != nil {
		return nil, sqlError(err, "ouverture d'une transaction")
	}
	return c, nil
}

// View runs fn in a read transaction. fn must not call View or Update
// itself: use the Tx it is given.
func (d *DB) View(fn func(tx *Tx) error) error {
	c, err := d.conn()
	if err != nil {
		return err
	}
	defer c.Close()
	tx, err := c.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return sqlError(err, "lecture de la résidence")
	}
	defer tx.Rollback()
	return fn(&Tx{tx: tx})
}

// Update runs fn in a write transaction, committed only when fn returns nil.
// fn must not call View or Update itself: use the Tx it is given.
func (d *DB) Update(fn func(tx *Tx) error) (err error) {
	if d.readOnly {
		return Errorf(Locked, "La résidence est ouverte en lecture seule : aucune modification n'est possible")
	}
	c, err := d.conn()
	if err != nil {
		return err
	}
	defer c.Close()
	sqlTx, err := c.BeginTx(context.Background(), nil)
	if err != nil {
		return sqlError(err, "écriture dans la résidence")
	}
	tx := &Tx{tx: sqlTx, writable: true}
	defer func() {
		if p := recover(); p != nil {
			sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			sqlTx.Rollback()
			err = d.undoFailedWrite(c, err)
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = sqlTx.Commit(); err != nil {
		return sqlError(err, "enregistrement")
	}
	d.verifier.noteWrite()
	return nil
}

// Changed says whether this opening wrote anything to the residence (a
// workflow, a migration): the safety copy at quitting is made only then.
func (d *DB) Changed() bool {
	if d.readOnly {
		return false
	}
	var n int64
	if err := d.sql.QueryRow("SELECT total_changes()").Scan(&n); err != nil {
		return true // cannot tell: better one copy too many
	}
	return n > 0
}

// Exec runs raw SQL; for tests of the file's own protections and for tools.
func (d *DB) Exec(query string, args ...any) error {
	_, err := d.sql.Exec(query, args...)
	return sqlError(err, "requête")
}

func (tx *Tx) exec(what, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	var err error
	if st := tx.prepared(query); st != nil {
		res, err = st.Exec(args...)
	} else {
		res, err = tx.tx.Exec(query, args...)
	}
	if err != nil {
		return nil, sqlError(err, what)
	}
	return res, nil
}

// collect runs a query and scans every row with scan; rows are closed before
// it returns (the connection is shared by the whole transaction).
func collect[T any](tx *Tx, what, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	var rows *sql.Rows
	var err error
	if st := tx.prepared(query); st != nil {
		rows, err = st.Query(args...)
	} else {
		rows, err = tx.tx.Query(query, args...)
	}
	if err != nil {
		return nil, sqlError(err, what)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, sqlError(err, what)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, sqlError(err, what)
	}
	return out, nil
}

// maxPrepared bounds the statements a transaction keeps: queries built
// with a variable number of placeholders must not grow the cache without
// end.
const maxPrepared = 256

// prepared is query's statement kept for the transaction, nil when it is
// not kept (one holding several statements, or the cache full). Workflows
// post thousands of entries in one transaction; parsing the same SQL for
// each was half of a 5 000-line bank import (issue 17's benchmark).
func (tx *Tx) prepared(query string) *sql.Stmt {
	key := "stmt:" + query
	if v, ok := tx.cache[key]; ok {
		return v.(*sql.Stmt)
	}
	if tx.kept >= maxPrepared || strings.Contains(strings.TrimRight(strings.TrimSpace(query), ";"), ";") {
		return nil
	}
	st, err := tx.tx.Prepare(query)
	if err != nil {
		return nil // run unprepared: the error is reported with its context there
	}
	tx.kept++
	tx.remember(key, st)
	return st
}

// queryRow is QueryRow through the transaction's kept statements.
func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	if st := tx.prepared(query); st != nil {
		return st.QueryRow(args...)
	}
	return tx.tx.QueryRow(query, args...)
}
