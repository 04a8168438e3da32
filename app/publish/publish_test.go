package publish_test

import (
	"archive/zip"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/publish"
	"tantieme/ledger"
)

// day is the tests' today (SOURCE_DATE_EPOCH): 15/09/2025, in the demo's
// exercise 2025.
const day = "1757894400"

// fixture is the demo residence with documents registered for three
// owners and shared ones.
type fixture struct {
	r    *app.Residence
	root string
	ids  map[string]int64 // by file name
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", day)
	r := apptest.Demo(t)
	root, err := r.DocumentsFolder()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{r: r, root: root, ids: map[string]int64{}}
	d := ledger.Date(2025, 4, 1)
	f.add(t, app.Produced{Path: "Appels/Avis 450001.pdf", Kind: "notice", Title: "Avis d'appel T2 – Bernard", Date: d, Owners: []string{"450001"}})
	f.add(t, app.Produced{Path: "Appels/Avis 450002.pdf", Kind: "notice", Title: "Avis d'appel T2 – Lefèvre", Date: d, Owners: []string{"450002"}})
	f.add(t, app.Produced{Path: "Appels/Avis 450003.pdf", Kind: "notice", Title: "Avis d'appel T2 – Marronniers", Date: d, Owners: []string{"450003"}})
	f.add(t, app.Produced{Path: "Banque/Bordereau 12.pdf", Kind: "deposit_slip", Title: "Bordereau de remise n° 12", Date: d})
	f.add(t, app.Produced{Path: "Règlement de copropriété.pdf", Kind: "regulation", Title: "Règlement de copropriété", Date: ledger.Date(1998, 3, 2)})
	f.add(t, app.Produced{Path: "Relances/Relance 450002.pdf", Kind: "reminder", Title: "Relance Lefèvre", Date: ledger.Date(2025, 5, 2), Owners: []string{"450002"}})
	return f
}

// add writes a document's file and registers it.
func (f *fixture) add(t *testing.T, p app.Produced) {
	t.Helper()
	name := p.Path
	p.Path = filepath.Join(f.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p.Path), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.Path, []byte("%PDF-1.4 "+p.Title), 0o666); err != nil {
		t.Fatal(err)
	}
	ids, err := f.r.Register(p)
	if err != nil {
		t.Fatal(err)
	}
	f.ids[filepath.Base(name)] = ids[0]
}

func (f *fixture) publish(t *testing.T, opt publish.Options) publish.Result {
	t.Helper()
	res, err := publish.Publish(f.r, opt)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	return res
}

// files lists the documents of a space's folder (not its manifest and
// note), relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != publish.ManifestName && rel != publish.NoteName {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func has(list []string, base string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return filepath.Base(s) == base })
}

const (
	bernard   = "450001 - Bernard Jean-Luc et Françoise"
	lefevre   = "450002 - Lefèvre Hélène"
	council   = "Conseil syndical"
	allOwners = "Tous les copropriétaires"
)

// TestPublishRights: each space holds exactly what its audience may see.
func TestPublishRights(t *testing.T) {
	f := newFixture(t)
	if err := f.r.SetCouncilPresident("450001"); err != nil {
		t.Fatal(err)
	}
	to := t.TempDir()
	res := f.publish(t, publish.Options{To: to, History: true})
	if !res.First || len(res.Refused) != 0 {
		t.Fatalf("result %+v", res)
	}
	a := files(t, filepath.Join(to, bernard))
	b := files(t, filepath.Join(to, lefevre))
	c := files(t, filepath.Join(to, council))
	all := files(t, filepath.Join(to, allOwners))
	for _, x := range []struct {
		what string
		ok   bool
	}{
		{"A sees his notice", has(a, "Avis 450001.pdf")},
		{"A never sees B's notice", !has(a, "Avis 450002.pdf")},
		{"A never sees B's reminder", !has(a, "Relance 450002.pdf")},
		{"A sees the règlement", has(a, "Règlement de copropriété.pdf")},
		{"A does not see the bordereaux", !has(a, "Bordereau 12.pdf")},
		{"A gets his statement", has(a, "Relevé de compte 450001.pdf")},
		{"A never gets B's statement", !has(a, "Relevé de compte 450002.pdf")},
		{"A gets the residence's contact sheet", has(a, "Coordonnées de la résidence.pdf")},
		{"B sees his reminder", has(b, "Relance 450002.pdf")},
		{"the council sees the bordereaux", has(c, "Bordereau 12.pdf")},
		{"the council sees every notice", has(c, "Avis 450001.pdf") && has(c, "Avis 450003.pdf")},
		{"the council sees the expenses", has(c, "Liste des dépenses 2025.pdf")},
		{"all owners see the règlement", has(all, "Règlement de copropriété.pdf")},
		{"all owners see no notice", !has(all, "Avis 450001.pdf") && !has(all, "Relevé de compte 450001.pdf")},
		{"all owners see no bordereau", !has(all, "Bordereau 12.pdf")},
		{"all owners see no expenses (option off)", !has(all, "Liste des dépenses 2025.pdf")},
		{"the president sees the bordereaux", has(files(t, filepath.Join(to, "Président du conseil syndical")), "Bordereau 12.pdf")},
		{"binders are subfolders", slices.Contains(a, "Relevés de charges/Avis 450001.pdf")},
	} {
		if !x.ok {
			t.Errorf("%s: A %v, B %v, council %v, all %v", x.what, a, b, c, all)
		}
	}
	if _, err := os.Stat(filepath.Join(to, "Prestataires")); err == nil {
		t.Error("a suppliers' space while no binder is shown to suppliers")
	}
	// The seller (left 15/06/2025) had no space before: none now.
	if _, err := os.Stat(filepath.Join(to, "450006 - Fournier Loïc")); err == nil {
		t.Error("a space for an owner who left")
	}
	// The manifest lists the folder's files with their SHA-256.
	var m publish.Manifest
	raw, err := os.ReadFile(filepath.Join(to, bernard, publish.ManifestName))
	if err != nil || json.Unmarshal(raw, &m) != nil {
		t.Fatalf("manifest: %v %s", err, raw)
	}
	var listed []string
	for _, x := range m.Files {
		listed = append(listed, x.Name)
		if len(x.SHA256) != 64 {
			t.Errorf("manifest entry %+v", x)
		}
	}
	sort.Strings(listed)
	if !slices.Equal(listed, a) || m.Audience != "owner:450001" {
		t.Errorf("manifest lists %v, folder holds %v", listed, a)
	}
	if note, _ := os.ReadFile(filepath.Join(to, bernard, publish.NoteName)); !strings.Contains(string(note), "Avis d'appel T2 – Bernard") {
		t.Errorf("note %s", note)
	}
	// The zip beside the folder holds its files.
	z, err := zip.OpenReader(filepath.Join(to, bernard+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var zipped []string
	for _, x := range z.File {
		zipped = append(zipped, x.Name)
	}
	for _, x := range a {
		if !slices.Contains(zipped, bernard+"/"+x) {
			t.Errorf("zip lacks %s: %v", x, zipped)
		}
	}
	if !slices.Contains(zipped, bernard+"/"+publish.ManifestName) {
		t.Errorf("zip lacks the manifest: %v", zipped)
	}
}

// TestPublishIncremental: a second publication writes only what is new; a
// withdrawn document and one no longer allowed disappear; files Tantième
// did not write are left alone.
func TestPublishIncremental(t *testing.T) {
	f := newFixture(t)
	to := t.TempDir()
	first := f.publish(t, publish.Options{To: to, History: true})
	foreign := filepath.Join(to, bernard, "Relevés de charges", "mes notes.txt")
	if err := os.WriteFile(foreign, []byte("à moi"), 0o666); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(to, bernard, "Relevés de charges", "Avis 450001.pdf")
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(old, past, past)
	again := f.publish(t, publish.Options{To: to})
	if again.Added != 0 || again.Removed != 0 || again.Unchanged != first.Added || again.First {
		t.Errorf("second publication with nothing new: %+v (first added %d)", again, first.Added)
	}
	f.add(t, app.Produced{Path: "Courriers/Ascenseur.pdf", Kind: "letter", Title: "Travaux de l'ascenseur", Date: ledger.Date(2025, 9, 1)})
	third := f.publish(t, publish.Options{To: to})
	// Every current owner, all the owners and the council: 12 + 2.
	if third.Added != 14 || third.Removed != 0 {
		t.Errorf("new letter: %+v", third)
	}
	if st, err := os.Stat(old); err != nil || !st.ModTime().Equal(past) {
		t.Errorf("an old file was written again: %v %v", st.ModTime(), err)
	}
	// Withdrawn: gone from every space and manifest.
	id := f.ids["Ascenseur.pdf"]
	apptest.Update(t, f.r, func(tx *ledger.Tx) error { return tx.WithdrawDocument(id, ledger.Date(2025, 9, 15)) })
	fourth := f.publish(t, publish.Options{To: to})
	if fourth.Removed != 14 || fourth.Added != 0 {
		t.Errorf("withdrawn: %+v", fourth)
	}
	for _, sp := range []string{bernard, council, allOwners} {
		if has(files(t, filepath.Join(to, sp)), "Ascenseur.pdf") {
			t.Errorf("%s still holds the withdrawn letter", sp)
		}
		if raw, _ := os.ReadFile(filepath.Join(to, sp, publish.ManifestName)); strings.Contains(string(raw), "Ascenseur") {
			t.Errorf("%s's manifest still lists the withdrawn letter", sp)
		}
	}
	// Rights changed: the règlement is for the council only now.
	apptest.Update(t, f.r, func(tx *ledger.Tx) error {
		return tx.SetBinderAudiences("reglement", map[ledger.Audience]bool{ledger.AudienceCouncil: true})
	})
	f.publish(t, publish.Options{To: to})
	if has(files(t, filepath.Join(to, bernard)), "Règlement de copropriété.pdf") || has(files(t, filepath.Join(to, allOwners)), "Règlement de copropriété.pdf") {
		t.Error("the règlement stays in the owners' spaces after its binder was closed to them")
	}
	if !has(files(t, filepath.Join(to, council)), "Règlement de copropriété.pdf") {
		t.Error("the council lost the règlement")
	}
	if b, err := os.ReadFile(foreign); err != nil || string(b) != "à moi" {
		t.Errorf("the syndic's own file was touched: %v", err)
	}
	// « Renvoyer depuis le … »: written again even though unchanged.
	reminder := filepath.Join(to, lefevre, "Contentieux – relances", "Relance 450002.pdf")
	notice := filepath.Join(to, lefevre, "Relevés de charges", "Avis 450002.pdf")
	os.Chtimes(reminder, past, past)
	os.Chtimes(notice, past, past)
	f.publish(t, publish.Options{To: to, Since: ledger.Date(2025, 5, 1)})
	if st, err := os.Stat(reminder); err != nil || st.ModTime().Equal(past) {
		t.Errorf("the reminder of 02/05/2025 was not sent again since 01/05/2025: %v", err)
	}
	if st, err := os.Stat(notice); err != nil || !st.ModTime().Equal(past) {
		t.Errorf("the notice of 01/04/2025 was sent again since 01/05/2025: %v", err)
	}
}

// TestPublishRefusesChangedFile: a file changed since it was registered is
// not published and is named; the rest goes on.
func TestPublishRefusesChangedFile(t *testing.T) {
	f := newFixture(t)
	if err := os.WriteFile(filepath.Join(f.root, "Appels", "Avis 450002.pdf"), []byte("changé"), 0o666); err != nil {
		t.Fatal(err)
	}
	to := t.TempDir()
	// A file of the syndic where a document would go: left, and said.
	os.MkdirAll(filepath.Join(to, council, "Bordereaux"), 0o777)
	os.WriteFile(filepath.Join(to, council, "Bordereaux", "Bordereau 12.pdf"), []byte("le mien"), 0o666)
	res := f.publish(t, publish.Options{To: to, History: true})
	var titles []string
	for _, x := range res.Refused {
		titles = append(titles, x.Title+" : "+x.Reason)
	}
	if len(res.Refused) != 2 || !strings.Contains(strings.Join(titles, "\n"), "Avis d'appel T2 – Lefèvre : fichier modifié depuis son enregistrement") ||
		!strings.Contains(strings.Join(titles, "\n"), "Bordereau de remise n° 12 : un fichier qui n'est pas de Tantième") {
		t.Errorf("refused %v", titles)
	}
	if has(files(t, filepath.Join(to, lefevre)), "Avis 450002.pdf") {
		t.Error("the changed file was published")
	}
	if !has(files(t, filepath.Join(to, lefevre)), "Relance 450002.pdf") {
		t.Error("the rest was not published")
	}
	if b, _ := os.ReadFile(filepath.Join(to, council, "Bordereaux", "Bordereau 12.pdf")); string(b) != "le mien" {
		t.Error("the syndic's file was replaced")
	}
}

// TestPublishFirstWithoutHistory: the first publication without history
// sends only what is dated from the exercise's start, and the folder
// keeps that choice.
func TestPublishFirstWithoutHistory(t *testing.T) {
	f := newFixture(t)
	to := t.TempDir()
	if first, err := publish.First(f.r, to); err != nil || !first {
		t.Fatalf("first: %v %v", first, err)
	}
	res := f.publish(t, publish.Options{To: to})
	if !res.From.Equal(ledger.Date(2025, 1, 1)) {
		t.Errorf("from %v", res.From)
	}
	if has(files(t, filepath.Join(to, allOwners)), "Règlement de copropriété.pdf") {
		t.Error("the 1998 règlement was published without history")
	}
	f.publish(t, publish.Options{To: to})
	if has(files(t, filepath.Join(to, allOwners)), "Règlement de copropriété.pdf") {
		t.Error("the second publication forgot the first one's choice")
	}
	if first, _ := publish.First(f.r, to); first {
		t.Error("still first")
	}
	if s, _ := f.r.PublishSettings(); s.Folder != to {
		t.Errorf("folder remembered %q", s.Folder)
	}
}

// TestPublishOwnerWhoLeft: an owner who left keeps his space and gets what
// names him (his last décompte), never again what is for all the owners.
func TestPublishOwnerWhoLeft(t *testing.T) {
	f := newFixture(t)
	to := t.TempDir()
	f.publish(t, publish.Options{To: to, History: true})
	apptest.Update(t, f.r, func(tx *ledger.Tx) error {
		o, err := tx.Owner("450002")
		if err != nil {
			return err
		}
		o.ExitDate = ledger.Date(2025, 9, 1)
		return tx.UpdateOwner(o)
	})
	f.add(t, app.Produced{Path: "Courriers/Ascenseur.pdf", Kind: "letter", Title: "Travaux de l'ascenseur", Date: ledger.Date(2025, 9, 10)})
	f.add(t, app.Produced{Path: "Décomptes/Décompte 450002.pdf", Kind: "decompte", Title: "Décompte de vente", Date: ledger.Date(2025, 9, 12), Owners: []string{"450002"}})
	f.publish(t, publish.Options{To: to})
	b := files(t, filepath.Join(to, lefevre))
	if has(b, "Ascenseur.pdf") {
		t.Errorf("a letter for all owners, dated after he left, reached him: %v", b)
	}
	if !has(b, "Décompte 450002.pdf") || !has(b, "Règlement de copropriété.pdf") {
		t.Errorf("his space lost what concerns him: %v", b)
	}
}

// TestPublishAfterCrash: files in place but never recorded (a crash
// between the copies and the transaction) are taken as Tantième's when
// they hold the registered bytes, not refused as someone else's.
func TestPublishAfterCrash(t *testing.T) {
	f := newFixture(t)
	a := t.TempDir()
	f.publish(t, publish.Options{To: a, History: true})
	b := t.TempDir()
	if err := os.CopyFS(b, os.DirFS(a)); err != nil {
		t.Fatal(err)
	}
	res := f.publish(t, publish.Options{To: b, History: true})
	if len(res.Refused) != 0 || res.Added == 0 {
		t.Errorf("publication over unrecorded files: %+v", res.Refused)
	}
	again := f.publish(t, publish.Options{To: b})
	if again.Added != 0 || again.Unchanged != res.Added {
		t.Errorf("then: %+v", again)
	}
}
