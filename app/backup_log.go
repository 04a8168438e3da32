package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"tantieme/internal/desktop"
	"tantieme/ledger"
)

// BackupRecord is the last backup of a residence made on this computer. It
// is kept in the user's settings folder, not in the residence: a backup may
// be made while the residence is open read-only, and the record must
// survive the residence being damaged (it points to the backup to restore).
type BackupRecord struct {
	Folder    string    `json:"folder"`
	Archive   string    `json:"archive"`
	When      time.Time `json:"when"`
	Residence string    `json:"residence"`
	Full      bool      `json:"full,omitempty"`
}

type backupLog struct {
	LastFolder string                  `json:"last_folder"`
	Residences map[string]BackupRecord `json:"residences"`
}

var logMu sync.Mutex

// backupLogPath is the log's file; "" when the system has no settings
// folder (then nothing is remembered).
func backupLogPath() string { return desktop.Where().Backups }

func readBackupLog() backupLog {
	l := backupLog{Residences: map[string]BackupRecord{}}
	if p := backupLogPath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			json.Unmarshal(b, &l)
		}
	}
	if l.Residences == nil {
		l.Residences = map[string]BackupRecord{}
	}
	return l
}

func absPath(file string) string {
	if abs, err := filepath.Abs(file); err == nil {
		return abs
	}
	return file
}

// recordBackup remembers a backup; failing to write the record does not
// undo the backup (it only loses the reminder).
func recordBackup(file string, rec BackupRecord) {
	logMu.Lock()
	defer logMu.Unlock()
	p := backupLogPath()
	if p == "" {
		return
	}
	l := readBackupLog()
	l.LastFolder = rec.Folder
	l.Residences[absPath(file)] = rec
	b, _ := json.MarshalIndent(l, "", "  ")
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	ledger.WriteOutputBytes(p, b) // atomic: a crash never leaves half a record
}

// LastBackup is the last backup of a residence file made on this computer.
func LastBackup(file string) (BackupRecord, bool) {
	logMu.Lock()
	defer logMu.Unlock()
	rec, ok := readBackupLog().Residences[absPath(file)]
	return rec, ok
}

// LastBackupFolder is the folder of the last backup, any residence: the
// folder the next backup proposes (the USB stick).
func LastBackupFolder() string {
	logMu.Lock()
	defer logMu.Unlock()
	return readBackupLog().LastFolder
}

// FoundBackup is an archive that could replace a residence file.
type FoundBackup struct {
	Path     string
	Manifest ledger.Manifest
}

// LatestBackups lists the archives that could replace a residence file,
// newest first: its last backup made on this computer, and its safety
// copies, whose manifests name the file, with the safety copies not zipped
// yet (a crash before their archive was written): those do not know the
// name of the file they copied, so every one in its safety folder is
// offered, with the residence's name it holds.
func LatestBackups(file string) []FoundBackup {
	paths := map[string]bool{}
	if rec, ok := LastBackup(file); ok {
		paths[rec.Archive] = true
	}
	dir := ledger.SafetyDir(file)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			continue
		}
		if strings.HasSuffix(p, ledger.ArchiveExt) {
			paths[p] = true
		} else if _, err := os.Stat(p + ".zip"); strings.HasSuffix(p, ledger.PlainCopyExt) && err != nil {
			paths[p] = true // not zipped yet
		}
	}
	base := filepath.Base(file)
	var out []FoundBackup
	for p := range paths {
		a, err := ledger.OpenArchive(p)
		if err != nil {
			continue
		}
		if a.Manifest.File == base || a.Manifest.File == "" {
			out = append(out, FoundBackup{p, a.Manifest})
		}
		a.Close()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Manifest.Created.After(out[j].Manifest.Created) })
	return out
}
