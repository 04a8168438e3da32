//go:build linux

package ledger

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountFull mounts a small tmpfs and fills it so that about leave bytes
// remain; skipped where mounting is impossible.
func mountFull(t *testing.T, leave int64) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s (a file left open?)", dir, err, out)
			exec.Command("umount", "-l", dir).Run()
		}
	})
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, int64(st.Bavail)*int64(st.Bsize)-leave), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestIsDiskFull recognises a full disk in the errors of SQLite and of Go
// file writes, wrapped or not, and nothing else.
func TestIsDiskFull(t *testing.T) {
	disk := mountFull(t, 0)
	// Real errors from the full disk.
	goErr := os.WriteFile(filepath.Join(disk, "f"), make([]byte, 1<<16), 0o644)
	d, err := connect(filepath.Join(disk, "x.copro"), false)
	if err != nil {
		t.Fatal(err)
	}
	_, sqliteErr := d.sql.Exec("CREATE TABLE t(x); INSERT INTO t SELECT randomblob(100000)")
	d.sql.Close()

	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"Go write on a full disk", goErr, true},
		{"SQLite on a full disk", sqliteErr, true},
		{"SQLite wrapped by sqlError", sqlError(sqliteErr, "écriture"), true},
		{"wrapped twice", Wrap(Internal, fmt.Errorf("zip: %w", goErr), "La sauvegarde ne peut pas être écrite"), true},
		{"quota", &fs.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, true},
		{"permission", &fs.PathError{Op: "write", Path: "x", Err: syscall.EACCES}, false},
		{"other SQLite error", errors.New("UNIQUE constraint failed: owners.account (2067)"), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := isDiskFull(c.err); got != c.want {
			t.Errorf("%s: isDiskFull(%v) = %v", c.name, c.err, got)
		}
	}
	if msg := Message(sqlError(sqliteErr, "écriture")); !strings.Contains(msg, "disque est plein") {
		t.Errorf("sqlError says %q", msg)
	}
	if e, ok := DiskFull(writeFailed(disk, "la sauvegarde de « r.copro »", Wrap(Internal, goErr, "échec"))); !ok ||
		e.Dir != disk || !strings.Contains(e.Error(), "impossible d'y écrire la sauvegarde de « r.copro »") {
		t.Errorf("writeFailed: %+v", e)
	}
}

func TestMegabytes(t *testing.T) {
	cases := []struct {
		n    int64
		up   bool
		want string
	}{
		{0, false, "0,0 Mo"},
		{400 << 10, false, "0,3 Mo"},
		{400 << 10, true, "0,4 Mo"},
		{1 << 20, true, "1,0 Mo"},
		{(1 << 20) + 1, true, "1,1 Mo"},
		{(10 << 20) - 1, false, "9,9 Mo"},
		{(10 << 20) - 1, true, "10,0 Mo"},
		{12 << 20, false, "12 Mo"},
		{(12 << 20) + 1, true, "13 Mo"},
	}
	for _, c := range cases {
		if got := megabytesRounded(c.n, c.up); got != c.want {
			t.Errorf("megabytesRounded(%d, %v) = %q, want %q", c.n, c.up, got, c.want)
		}
	}
}

// closedConn is a connection that fails every query, as one whose file
// vanished would: the check after a failed write cannot be made.
type closedConn struct{ db *sql.DB }

func (c closedConn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return c.db.ExecContext(ctx, q, args...)
}

func (c closedConn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return c.db.QueryRowContext(ctx, q, args...)
}

// TestUndoUnfinished: when the file cannot be verified after a failed
// write, the error says so and tells not to copy the file alone.
func TestUndoUnfinished(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.copro")
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	d.sql.Close()
	cases := []struct {
		name  string
		cause error
		want  []string
	}{
		{"full disk", &fs.PathError{Op: "write", Path: file, Err: syscall.ENOSPC},
			[]string{"est plein", "n'a pas pu être entièrement annulée", "Ne copiez pas « r.copro » seul", "rouvrez la résidence"}},
	}
	for _, c := range cases {
		err := d.undoFailedWrite(closedConn{d.sql}, c.cause)
		e, ok := DiskFull(err)
		if !ok || !e.Unfinished {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(Message(err), w) {
				t.Errorf("%s: %q lacks %q", c.name, Message(err), w)
			}
		}
	}
	// An ordinary refusal is returned as it is, without a check.
	refusal := Errorf(Invalid, "Montant invalide")
	if err := d.undoFailedWrite(closedConn{d.sql}, refusal); err != refusal {
		t.Errorf("refusal became %v", err)
	}
}

// TestMigrationOnFullDisk: an old file on a full disk is not migrated
// (nor copied) when the room is missing; it stays as it was.
func TestMigrationOnFullDisk(t *testing.T) {
	disk := mountFull(t, 2<<20)
	file := filepath.Join(disk, "ancienne.copro")
	d, err := connect(file, false)
	if err != nil {
		t.Fatal(err)
	}
	body, err := migrations.ReadFile("migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), string(body), "PRAGMA user_version = 1",
		// Weight in a table of schema 1 (an extra table would make the
		// file's schema not its version's, refused before any migration).
		"INSERT INTO options (name, value) SELECT 'lest' || i, hex(randomblob(500)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 500) SELECT i FROM n)"} {
		if _, err := d.sql.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	d.sql.Close()
	before, _ := os.ReadFile(file)
	os.Remove(filepath.Join(disk, "filler"))
	mountFullAgain(t, disk, 1<<20)

	db, err := Open(file)
	if err == nil {
		db.Close()
		t.Fatal("migrated on a full disk")
	}
	if e, ok := DiskFull(err); !ok || e.Need == 0 {
		t.Fatalf("want a refusal for lack of space, got %v", err)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("the old file changed")
	}
	if copies := ListArchives(SafetyDir(file), ""); len(copies) != 0 {
		t.Errorf("safety copies written: %v", copies)
	}
}

// mountFullAgain fills disk again so that about leave bytes remain.
func mountFullAgain(t *testing.T, disk string, leave int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(disk, &st); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(disk, "filler"), make([]byte, int64(st.Bavail)*int64(st.Bsize)-leave), 0o644); err != nil {
		t.Fatal(err)
	}
}
