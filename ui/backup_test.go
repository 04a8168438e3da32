package ui

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// dialogCheck finds a check box of the topmost dialog by the start of its text.
func dialogCheck(t *testing.T, s *Shell, prefix string) *widgets.CheckField {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && strings.HasPrefix(c.Text, prefix) {
			return c
		}
	}
	t.Fatalf("no check %q in the dialog:\n%s", prefix, overlayText(s))
	return nil
}

// dialogRadio is the choice of the topmost dialog.
func dialogRadio(t *testing.T, s *Shell) *widget.RadioGroup {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			return r
		}
	}
	t.Fatalf("no choice in the dialog:\n%s", overlayText(s))
	return nil
}

// windowButton finds a button of the window (dialogs excluded) by its text.
func windowButton(t *testing.T, s *Shell, text string) *widget.Button {
	t.Helper()
	for _, o := range visible(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the window:\n%s", text, windowText(s))
	return nil
}

func archivesIn(t *testing.T, dir, pattern string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func hasOwner(t *testing.T, s *Shell, account string) bool {
	t.Helper()
	found := false
	err := s.res.View(func(tx *ledger.Tx) error {
		owners, err := tx.Owners()
		for _, o := range owners {
			if o.Account == account {
				found = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestBackupToFolder(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	var opened []string
	openDocument = func(_ fyne.App, u *url.URL) error {
		opened = append(opened, u.String())
		return nil
	}
	t.Cleanup(func() { openDocument = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })

	s.backupForm()
	mustContain(t, "the backup form", overlayText(s), "Sauvegarder la résidence",
		"Sauvegarde complète (ajoute les documents PDF générés : "+s.residenceDocuments()+")",
		"Tantième garde les 10 dernières sauvegardes de cette résidence dans ce dossier",
		"Aucune sauvegarde de cette résidence n'a encore été faite sur cet ordinateur.", "Annuler", "Sauvegarder")
	fields := dialogFields(t, s, "")
	if got := fields[0].Text; got != userDocuments() {
		t.Errorf("folder proposed the first time: %q, want the Documents %q", got, userDocuments())
	}

	// A folder that is not there (the USB stick unplugged) is said in the form.
	stick := filepath.Join(t.TempDir(), "CLE USB")
	fields[0].SetText(stick)
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	mustContain(t, "a missing folder", overlayText(s), "Le dossier « "+stick+" » n'existe pas : branchez votre clé USB")
	if err := os.Mkdir(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	// A full backup without any document yet says so.
	dialogCheck(t, s, "Sauvegarde complète").SetChecked(true)
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	mustContain(t, "a full backup without documents", overlayText(s), "Aucun document n'a encore été généré pour cette résidence")
	dialogCheck(t, s, "Sauvegarde complète").SetChecked(false)
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()

	found := archivesIn(t, stick, "*"+ledger.ArchiveExt)
	if len(found) != 1 {
		t.Fatalf("archives in the folder: %v\n%s", found, overlayText(s))
	}
	if _, err := app.ReadBackup(found[0]); err != nil {
		t.Errorf("the backup does not verify: %v", err)
	}
	text := overlayText(s)
	mustContain(t, "the backup's message", text, "Sauvegarde terminée", "Sauvegarde écrite et vérifiée : "+found[0],
		"3 copropriétaires, 4 lots, 3 écritures", "Ouvrir le dossier", "Fermer")
	mustNotContain(t, "the backup's message", text, "Sauvegarder la résidence")
	mustContain(t, "the status line", s.statusText.Text, "Sauvegarde écrite et vérifiée")
	test.Tap(dialogButton(t, s, "Ouvrir le dossier"))
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "/CLE%20USB") {
		t.Errorf("opened %v, want the folder", opened)
	}
	if got := app.LastBackupFolder(); got != stick {
		t.Errorf("folder remembered: %q", got)
	}

	// The next backup proposes the stick, says when the last one was made,
	// and a full one carries the documents.
	docs := filepath.Join(s.residenceDocuments(), "Appels")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "avis.pdf"), []byte("%PDF-1.4 essai"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.backupForm()
	mustContain(t, "the second backup form", overlayText(s), "Dernière sauvegarde : le ", "dans "+stick+".")
	if got := dialogFields(t, s, "")[0].Text; got != stick {
		t.Errorf("folder proposed: %q, want the last one %q", got, stick)
	}
	dialogCheck(t, s, "Sauvegarde complète").SetChecked(true)
	time.Sleep(1100 * time.Millisecond) // archives are named to the second
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	mustContain(t, "the full backup's message", overlayText(s), "Sauvegarde terminée", "1 documents")
	if found := archivesIn(t, stick, "*"+ledger.ArchiveExt); len(found) != 2 {
		t.Errorf("archives in the folder after the second backup: %v", found)
	}
}

func TestRestoreOverOpenResidence(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	openTest(t, s, file)
	stick := t.TempDir()
	done, err := s.res.Backup(stick, app.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Written after the backup: the restore takes it away.
	if err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.AddOwner(&ledger.Owner{Account: "450009", Name: "Nouveau Jean"})
	}); err != nil {
		t.Fatal(err)
	}
	if !hasOwner(t, s, "450009") {
		t.Fatal("the owner was not added")
	}

	// A damaged archive is refused before anything is proposed.
	bad := filepath.Join(t.TempDir(), "abimee"+ledger.ArchiveExt)
	if err := os.WriteFile(bad, []byte("PK pas une archive"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.restoreInto(bad, "")
	s.jobs.Wait()
	mustContain(t, "a damaged archive", overlayText(s), "Opération impossible")
	mustNotContain(t, "a damaged archive", overlayText(s), "Sauvegarde vérifiée")
	press(s, fyne.KeyEscape)
	if s.res == nil || !hasOwner(t, s, "450009") {
		t.Fatal("a refused archive changed the residence")
	}

	s.restoreInto(done.Path, "")
	s.jobs.Wait()
	mustContain(t, "the restore form", overlayText(s), "Restaurer une sauvegarde", filepath.Base(done.Path),
		app.DescribeBackup(done.Manifest), "Sauvegarde vérifiée : empreinte et intégrité correctes", "Où la restaurer ?")
	choice := dialogRadio(t, s)
	if want := "Remplacer la résidence ouverte (" + file + ")"; choice.Selected != want {
		t.Errorf("target proposed: %q, want %q (options %v)", choice.Selected, want, choice.Options)
	}
	test.Tap(dialogButton(t, s, "Restaurer…"))
	when := frenchWhen(done.Manifest.Created)
	mustContain(t, "the confirmation", overlayText(s), "Restaurer la sauvegarde ?",
		"Remplacer « Tests.copro » par la sauvegarde du "+when+" ? Le fichier actuel sera gardé dans « Copies de sécurité ».")
	test.Tap(dialogButton(t, s, "Restaurer"))
	s.jobs.Wait()

	if s.res == nil {
		t.Fatalf("the restored residence is not open:\n%s", overlayText(s))
	}
	if s.res.Path() != file {
		t.Errorf("open: %s, want %s", s.res.Path(), file)
	}
	if hasOwner(t, s, "450009") {
		t.Error("the owner created after the backup is still there")
	}
	if !hasOwner(t, s, "450001") {
		t.Error("the owners of the backup are gone")
	}
	replaced := archivesIn(t, ledger.SafetyDir(file), "*"+ledger.ReasonRestore+"*")
	if len(replaced) != 1 {
		t.Fatalf("safety copies before restoring: %v", replaced)
	}
	mustContain(t, "the message", overlayText(s), "Sauvegarde restaurée",
		"La résidence « Résidence des Tests » est restaurée dans "+file+", telle qu'elle était le "+when,
		"L'ancien fichier est gardé dans : "+replaced[0])
	mustContain(t, "the status line", s.statusText.Text, "Sauvegarde du "+when+" restaurée dans "+file)
	// The replaced file, owner included, is in its safety copy.
	m, err := app.ReadBackup(replaced[0])
	if err != nil || m.Owners != 4 {
		t.Errorf("the replaced file's copy: %d owners, %v", m.Owners, err)
	}
	// Closing after the write took a copy too.
	if quit := archivesIn(t, ledger.SafetyDir(file), "*"+ledger.ReasonQuit+"*"); len(quit) != 1 {
		t.Errorf("copies taken at closing: %v", quit)
	}
}

func TestRestoreIntoNewFile(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	openTest(t, s, file)
	done, err := s.res.Backup(t.TempDir(), app.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.closeResidence()
	s.restoreInto(done.Path, "")
	s.jobs.Wait()
	choice := dialogRadio(t, s)
	if choice.Selected != "Restaurer dans un nouveau fichier…" || len(choice.Options) != 1 {
		t.Errorf("with nothing open: %q among %v", choice.Selected, choice.Options)
	}
	fields := dialogFields(t, s, "")
	if len(fields) != 2 || fields[1].Text != "Résidence des Tests.copro" {
		t.Fatalf("fields of the new file: %d, name %q", len(fields), fields[1].Text)
	}
	dir := t.TempDir()
	fields[0].SetText(dir)
	fields[1].SetText("Copie des Tests")
	test.Tap(dialogButton(t, s, "Restaurer…"))
	target := filepath.Join(dir, "Copie des Tests.copro")
	mustContain(t, "the confirmation", overlayText(s), "dans le nouveau fichier « Copie des Tests.copro » (dossier "+dir+") ?")
	test.Tap(dialogButton(t, s, "Restaurer"))
	s.jobs.Wait()
	if s.res == nil || s.res.Path() != target {
		t.Fatalf("the new file is not open:\n%s", overlayText(s))
	}
	text := overlayText(s)
	mustContain(t, "the message", text, "Sauvegarde restaurée", "est restaurée dans "+target)
	mustNotContain(t, "the message", text, "L'ancien fichier")
}

func TestOpenBusyResidence(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	other, err := app.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	s.open(file)
	s.jobs.Wait()
	if s.res != nil {
		t.Fatal("a residence written elsewhere opened for writing")
	}
	mustContain(t, "the busy dialog", overlayText(s), "Résidence déjà ouverte", "« Tests.copro » est déjà ouverte par",
		"Ouvrir en lecture seule", "Annuler")
	test.Tap(dialogButton(t, s, "Ouvrir en lecture seule"))
	s.jobs.Wait()
	if s.res == nil || !s.res.ReadOnly() {
		t.Fatalf("not open read-only:\n%s", overlayText(s))
	}
	mustContain(t, "the banner", windowText(s), "Résidence ouverte en lecture seule : elle est ouverte pour écriture par",
		"Rouvrir pour modifier")
	if !s.readOnly() || !s.menu.closing.Disabled || s.menu.backup.Disabled {
		t.Error("read-only: writes must be off, the backup on")
	}

	// A backup works read-only.
	stick := t.TempDir()
	s.backupForm()
	dialogFields(t, s, "")[0].SetText(stick)
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	if found := archivesIn(t, stick, "*"+ledger.ArchiveExt); len(found) != 1 {
		t.Errorf("read-only backup: %v\n%s", found, overlayText(s))
	}
	press(s, fyne.KeyEscape)

	// The backup settings cannot be changed.
	s.showScreen(string(app.TopicSettings))
	p := s.currentScreen().(*settings)
	if !p.keep.Disabled() || !p.remind.Disabled() {
		t.Error("the backup settings are editable read-only")
	}

	// Once the other program closes, the residence reopens for writing.
	other.Close()
	test.Tap(windowButton(t, s, "Rouvrir pour modifier"))
	s.jobs.Wait()
	if s.res == nil || s.res.ReadOnly() {
		t.Fatalf("not reopened for writing:\n%s", overlayText(s))
	}
	mustNotContain(t, "the banner", windowText(s), "lecture seule")
}

func TestBusyDialogCancel(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	other, err := app.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	s.open(file)
	s.jobs.Wait()
	test.Tap(dialogButton(t, s, "Annuler"))
	if s.res != nil || s.win.Canvas().Overlays().Top() != nil {
		t.Error("cancelling opened something or left the dialog")
	}
}

func TestOpenDamagedResidence(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	r, err := app.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	done, err := r.Backup(t.TempDir(), app.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()

	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(body) / 2; i < len(body); i++ {
		body[i] = byte(i*7 + 13)
	}
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}

	s.open(file)
	s.jobs.Wait()
	if s.res != nil {
		t.Fatal("a damaged file opened")
	}
	mustContain(t, "the damaged dialog", overlayText(s), "Fichier endommagé", "« Tests.copro » est endommagé",
		done.Path, "Restaurer une sauvegarde…", "Fermer")
	if now, _ := os.ReadFile(file); string(now) != string(body) {
		t.Fatal("the damaged file was changed by opening it")
	}

	test.Tap(dialogButton(t, s, "Restaurer une sauvegarde…"))
	s.jobs.Wait()
	mustContain(t, "the restore form", overlayText(s), "Sauvegarde vérifiée : empreinte et intégrité correctes", filepath.Base(done.Path))
	if want := "Remplacer le fichier endommagé (" + file + ")"; dialogRadio(t, s).Selected != want {
		t.Errorf("target proposed: %q, want %q", dialogRadio(t, s).Selected, want)
	}
	test.Tap(dialogButton(t, s, "Restaurer…"))
	mustContain(t, "the confirmation", overlayText(s), "Remplacer « Tests.copro » par la sauvegarde du ")
	test.Tap(dialogButton(t, s, "Restaurer"))
	s.jobs.Wait()
	if s.res == nil || s.res.Path() != file || s.res.ReadOnly() {
		t.Fatalf("the restored file is not open:\n%s", overlayText(s))
	}
	mustContain(t, "the message", overlayText(s), "Sauvegarde restaurée", "L'ancien fichier est gardé dans : ")
}

func TestOpenAfterCrash(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	host, _ := os.Hostname()
	// A lock left by a program that stopped: nobody holds it any more.
	h, _ := json.Marshal(ledger.Holder{Host: host, PID: 999999999, User: "jean", Program: "Tantième", Since: time.Now().Add(-time.Hour)})
	if err := os.WriteFile(ledger.LockPath(file), h, 0o644); err != nil {
		t.Fatal(err)
	}
	openTest(t, s, file)
	if s.res.ReadOnly() {
		t.Error("opened read-only after a crash")
	}
	mustContain(t, "the crash message", overlayText(s), "Tantième n'avait pas été fermé correctement (Tantième sur le poste « "+host+" »",
		"Le fichier a été vérifié : les opérations inachevées ont été annulées, rien d'enregistré n'est perdu.")
}

func TestDashboardBackupReminder(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	mustContain(t, "the dashboard", windowText(s),
		"Aucune sauvegarde de cette résidence sur cet ordinateur. Pensez à sauvegarder sur votre clé USB.", "Sauvegarder maintenant")

	test.Tap(windowButton(t, s, "Sauvegarder maintenant"))
	mustContain(t, "the button", overlayText(s), "Sauvegarder la résidence")
	stick := t.TempDir()
	dialogFields(t, s, "")[0].SetText(stick)
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	press(s, fyne.KeyEscape)
	s.now = time.Now
	s.show(0)
	text := windowText(s)
	mustContain(t, "the dashboard after a backup", text, "Dernière sauvegarde : le "+time.Now().Format("02/01/2006")+" dans "+stick+" (aujourd'hui).")
	mustNotContain(t, "the dashboard after a backup", text, "Pensez à sauvegarder", "Sauvegarder maintenant")

	s.now = func() time.Time { return time.Now().AddDate(0, 0, 10).Add(time.Hour) }
	s.show(0)
	mustContain(t, "ten days later", windowText(s), "(il y a 10 jours). Pensez à sauvegarder sur votre clé USB.", "Sauvegarder maintenant")
}

func TestBackupSettings(t *testing.T) {
	s := newTestShell(t)
	file := testResidence(t)
	openTest(t, s, file)
	s.showScreen(string(app.TopicSettings))
	p := s.currentScreen().(*settings)
	if p.keep.Text != "10" || p.remind.Text != "7" {
		t.Errorf("defaults shown: %q %q", p.keep.Text, p.remind.Text)
	}
	if !p.saveBackup.Disabled() {
		t.Error("Enregistrer is on with nothing changed")
	}

	p.keep.SetText("beaucoup")
	p.saveBackupSettings()
	if !p.backupErrLine.Visible() || !strings.Contains(p.backupErr.Text, "nombre entier") {
		t.Errorf("a word accepted: %q", p.backupErr.Text)
	}
	p.keep.SetText("5000")
	p.saveBackupSettings()
	if !p.backupErrLine.Visible() || !strings.Contains(p.backupErr.Text, "entre 0 (toutes) et 1000") {
		t.Errorf("5000 accepted: %q", p.backupErr.Text)
	}

	p.keep.SetText("3")
	p.remind.SetText("14")
	p.saveBackupSettings()
	if p.backupErrLine.Visible() {
		t.Errorf("error after valid values: %q", p.backupErr.Text)
	}
	got, err := s.res.BackupSettings()
	if err != nil || got != (app.BackupSettings{Keep: 3, RemindDays: 14}) {
		t.Errorf("saved: %+v %v", got, err)
	}
	mustContain(t, "the status line", s.statusText.Text, "Sauvegardes : 3 sauvegardes gardées, rappel après 14 jours")

	s.backupForm()
	mustContain(t, "the backup form", overlayText(s), "Tantième garde les 3 dernières sauvegardes")
	press(s, fyne.KeyEscape)

	// The residence was written: closing it leaves a safety copy.
	s.closeResidence()
	if quit := archivesIn(t, ledger.SafetyDir(file), "*"+ledger.ReasonQuit+"*"); len(quit) != 1 {
		t.Errorf("copies taken at closing: %v", quit)
	}
}
