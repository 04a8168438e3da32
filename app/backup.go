package app

import (
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"tantieme/ledger"
)

// Backup settings, kept in the residence so that they follow its file.
const (
	optBackupKeep   = "backup.keep"
	optBackupRemind = "backup.remind_days"

	DefaultBackupKeep   = 10 // backups kept in the chosen folder
	DefaultBackupRemind = 7  // days before the dashboard asks for a backup
)

// BackupSettings are the residence's backup choices.
type BackupSettings struct {
	Keep       int // backups kept in the folder (0: all)
	RemindDays int // the dashboard reminds after this many days (0: never)
}

// BackupSettings reads the residence's backup choices.
func (r *Residence) BackupSettings() (BackupSettings, error) {
	s := BackupSettings{Keep: DefaultBackupKeep, RemindDays: DefaultBackupRemind}
	err := r.View(func(tx *ledger.Tx) error {
		for opt, v := range map[string]*int{optBackupKeep: &s.Keep, optBackupRemind: &s.RemindDays} {
			text, err := tx.Option(opt, strconv.Itoa(*v))
			if err != nil {
				return err
			}
			if n, err := strconv.Atoi(text); err == nil && n >= 0 {
				*v = n
			}
		}
		return nil
	})
	return s, err
}

// SetBackupSettings stores the residence's backup choices.
func (r *Residence) SetBackupSettings(s BackupSettings) error {
	if s.Keep < 0 || s.Keep > 1000 {
		return ledger.Errorf(ledger.Invalid, "Le nombre de sauvegardes gardées doit être entre 0 (toutes) et 1000")
	}
	if s.RemindDays < 0 || s.RemindDays > 365 {
		return ledger.Errorf(ledger.Invalid, "Le rappel de sauvegarde doit être entre 0 (jamais) et 365 jours")
	}
	return r.Update(func(tx *ledger.Tx) error {
		if err := tx.SetOption(optBackupKeep, strconv.Itoa(s.Keep)); err != nil {
			return err
		}
		return tx.SetOption(optBackupRemind, strconv.Itoa(s.RemindDays))
	})
}

// BackupOptions are the choices of one backup.
type BackupOptions struct {
	Documents string // full backup: the folder of generated documents; "" for the books only
	Keep      int    // backups of this residence kept in the folder; 0: the residence's setting; <0: all
}

// BackupResult says what a backup did.
type BackupResult struct {
	Path     string
	Manifest ledger.Manifest
	Pruned   int // older backups deleted from the folder
}

// Summary is the sentence said once a backup is done.
func (b BackupResult) Summary() string {
	m := b.Manifest
	s := fmt.Sprintf("Sauvegarde écrite et vérifiée : %s (%d copropriétaires, %d lots, %d écritures", b.Path, m.Owners, m.Lots, m.Entries)
	if len(m.Documents) > 0 {
		s += fmt.Sprintf(", %d documents", len(m.Documents))
	}
	s += ")"
	if b.Pruned > 0 {
		s += fmt.Sprintf(" ; %d sauvegarde(s) plus ancienne(s) supprimée(s) du dossier", b.Pruned)
	}
	return s + "."
}

// Backup writes a verified archive of the residence into dir (a USB stick,
// typically), deletes the oldest ones beyond the residence's setting, and
// remembers the folder and the date for the dashboard's reminder. It works
// on a residence opened read-only too, even while another program writes.
func (r *Residence) Backup(dir string, opt BackupOptions) (BackupResult, error) {
	var res BackupResult
	keep := opt.Keep
	if keep == 0 {
		s, err := r.BackupSettings()
		if err != nil {
			return res, err
		}
		keep = s.Keep
	}
	path, m, err := r.db.WriteArchive(dir, ledger.ArchiveOptions{Documents: opt.Documents})
	if err != nil {
		return res, err
	}
	res.Path, res.Manifest = path, m
	if keep > 0 {
		res.Pruned = ledger.PruneArchives(dir, m.Residence, keep)
	}
	recordBackup(r.Path(), BackupRecord{Folder: dir, Archive: path, When: m.Created, Residence: m.Residence, Full: m.Full()})
	for _, f := range m.Fingerprints {
		rememberFingerprint(FingerprintRecord{When: m.Created, File: absPath(r.Path()), Residence: m.Residence,
			Exercise: f.Exercise, Fingerprint: f.Fingerprint, Sealed: f.Sealed, Document: "sauvegarde " + filepath.Base(path)})
	}
	return res, nil
}

// ReadBackup reads and verifies an archive entirely (hash, integrity,
// schema) and says what it holds; nothing is written.
func ReadBackup(file string) (ledger.Manifest, error) {
	a, err := ledger.OpenArchive(file)
	if err != nil {
		return ledger.Manifest{}, err
	}
	defer a.Close()
	if err := a.Verify(); err != nil {
		return a.Manifest, err
	}
	return a.Manifest, nil
}

// Restore replaces (or creates) target with an archive's residence, once
// the archive is verified entirely; the replaced file is kept in its safety
// folder. Target must not be open (close it first).
func Restore(archive, target string, opt ledger.RestoreOptions) (ledger.RestoreResult, error) {
	return ledger.Restore(archive, target, opt)
}

// DescribeBackup is a manifest in French, for the restore's confirmation.
func DescribeBackup(m ledger.Manifest) string {
	s := fmt.Sprintf("%s, sauvegarde du %s à %s", m.Residence, m.Created.Local().Format("02/01/2006"), m.Created.Local().Format("15:04"))
	if m.Exercise != "" {
		s += ", exercice " + m.Exercise
	}
	s += fmt.Sprintf(" : %d copropriétaires, %d lots, %d écritures", m.Owners, m.Lots, m.Entries)
	if len(m.Documents) > 0 {
		s += fmt.Sprintf(", %d documents", len(m.Documents))
	}
	if m.Reason != "" {
		s += " (copie de sécurité " + m.Reason + ")"
	}
	return s
}

// safetyCopy is taken before a risky workflow (import, closing): a residence
// open read-only is refused first, so that no copy is made for nothing.
func (r *Residence) safetyCopy(reason string) (string, error) {
	if r.ReadOnly() {
		return "", ledger.Errorf(ledger.Locked, "La résidence est ouverte en lecture seule : aucune modification n'est possible")
	}
	return r.db.SafetyCopy(reason)
}

// QuitCopy is the safety copy taken when a residence written during the
// session is closed; none when nothing was written.
func (r *Residence) QuitCopy() (string, error) {
	if r.ReadOnly() || !r.Changed() {
		return "", nil
	}
	return r.db.SafetyCopy(ledger.ReasonQuit)
}

// BackupStatus is the dashboard's reminder.
type BackupStatus struct {
	Last    BackupRecord // zero: never backed up from this computer
	Days    int          // whole days since the last backup
	Overdue bool         // older than the residence's setting
	Remind  int          // the setting, in days (0: never remind)
}

// Status reads when the residence was last backed up from this computer.
func (r *Residence) BackupStatus(now time.Time) (BackupStatus, error) {
	s, err := r.BackupSettings()
	if err != nil {
		return BackupStatus{}, err
	}
	st := BackupStatus{Remind: s.RemindDays}
	rec, ok := LastBackup(r.Path())
	if ok {
		st.Last = rec
		st.Days = int(now.Sub(rec.When).Hours() / 24)
	}
	st.Overdue = s.RemindDays > 0 && (!ok || st.Days >= s.RemindDays)
	return st, nil
}
