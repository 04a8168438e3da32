// Package publish writes the owners' spaces without a server (issue 19,
// seed 000's extranet in its volunteer's version): into a folder the
// syndic chooses (a USB stick, the council's shared drive), one folder per
// audience holding exactly the register's documents it may see, a
// manifest of them and a zip of the folder to hand out or e-mail.
//
// It is incremental like the seed's publication: only what is new or
// changed since the last publication into that folder is written, what
// was withdrawn or is no longer allowed is removed, and only files
// Tantième itself put there are ever removed or replaced.
package publish

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"tantieme/app"
	"tantieme/ledger"
)

// Options choose a publication.
type Options struct {
	To string // the publication folder
	// Since sends again every document dated from this day, even those
	// already published (« renvoyer depuis le … »).
	Since time.Time
	// History, for the first publication into To: true sends every
	// document of the register; false only those dated from the start of
	// today's exercise (seed 000, « Gestion de la 1ère publication »: a
	// first publication sends everything it has never sent). Ignored
	// afterwards: the folder keeps the choice made the first time.
	History bool
	// Progress is told how far the publication is; may be nil.
	Progress func(done, total int)
}

// Refusal is a document not published, and why.
type Refusal struct {
	Document int64
	Title    string
	Reason   string // French
}

// Space is one audience's folder after the publication.
type Space struct {
	Audience string // "owner:450001", "council"…
	Folder   string // absolute
	Files    int    // documents it holds
}

// Result says what a publication did.
type Result struct {
	Folder string
	First  bool
	// From is the day from which the folder's first publication sent the
	// documents; zero: the whole history.
	From                      time.Time
	Added, Removed, Unchanged int // files, over every space
	Refused                   []Refusal
	Spaces                    []Space
}

// First says whether nothing was ever published into folder to: the
// window then asks whether to include the history.
func First(r *app.Residence, to string) (bool, error) {
	dir, err := cleanFolder(to)
	if err != nil {
		return false, err
	}
	var pubs []ledger.Publication
	err = r.View(func(tx *ledger.Tx) (err error) { pubs, err = tx.Publications(dir); return })
	return len(pubs) == 0, err
}

// cleanFolder checks a folder typed or chosen by the user.
func cleanFolder(to string) (string, error) {
	to = strings.TrimSpace(to)
	if to == "" {
		return "", ledger.Errorf(ledger.Invalid, "Indiquez le dossier où publier")
	}
	for _, r := range to {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", ledger.Errorf(ledger.Invalid, "Le dossier de publication « %q » contient un caractère invisible : choisissez-le à nouveau", to)
		}
	}
	abs, err := filepath.Abs(to)
	if err != nil {
		return "", ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'est pas un chemin valable", to)
	}
	return filepath.Clean(abs), nil
}

// input is what a publication reads from the residence.
type input struct {
	residence string
	owners    []ledger.Owner
	binders   map[string]ledger.Binder
	docs      []ledger.Document
	president string
	state     []ledger.Published
	pubs      []ledger.Publication
	start     time.Time // today's exercise's first day
}

func read(r *app.Residence, dir string, day time.Time) (input, error) {
	var in input
	start, err := r.PublicationStart(day)
	if err != nil {
		return in, err
	}
	in.start = start
	err = r.View(func(tx *ledger.Tx) error {
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		in.residence = res.Name
		if in.owners, err = tx.Owners(); err != nil {
			return err
		}
		bs, err := tx.Binders()
		if err != nil {
			return err
		}
		in.binders = map[string]ledger.Binder{}
		for _, b := range bs {
			in.binders[b.Code] = b
		}
		if in.docs, err = tx.Documents(ledger.DocumentFilter{}); err != nil {
			return err
		}
		if in.president, err = tx.CouncilPresident(day); err != nil {
			return err
		}
		if in.state, err = tx.PublishedIn(dir); err != nil {
			return err
		}
		in.pubs, err = tx.Publications(dir)
		return err
	})
	return in, err
}

// item is a document in a space.
type item struct {
	sp     *space
	doc    ledger.Document
	name   string // relative to the publication folder, with slashes
	prev   *ledger.Published
	resend bool
}

// Publish writes the spaces into opt.To. The documents the settings add
// (statements, contact sheet, expenses) are produced and registered
// first; each file copied is checked against the register on the way; the
// residence records what each space holds once the files are in place.
func Publish(r *app.Residence, opt Options) (Result, error) {
	dir, err := cleanFolder(opt.To)
	if err != nil {
		return Result{}, err
	}
	if err := ledger.CheckOutputDir(dir); err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return Result{}, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : choisissez un autre dossier", dir)
	}
	day := ledger.Today()
	settings, err := r.PublishSettings()
	if err != nil {
		return Result{}, err
	}
	if err := r.PublicationDocuments(day, settings); err != nil {
		return Result{}, err
	}
	root, err := r.DocumentsFolder()
	if err != nil {
		return Result{}, err
	}
	in, err := read(r, dir, day)
	if err != nil {
		return Result{}, err
	}
	res := Result{Folder: dir, First: len(in.pubs) == 0}
	// The day before which nothing is sent unless sent before: the first
	// publication's choice, kept as its Since.
	cutoff := time.Time{}
	switch {
	case !res.First:
		cutoff = in.pubs[0].Since
	case !opt.Since.IsZero():
		cutoff = opt.Since
	case !opt.History:
		cutoff = in.start
	}
	res.From = cutoff
	recordSince := opt.Since
	if res.First {
		recordSince = cutoff
	}

	prev := map[string]map[int64]*ledger.Published{}
	had := map[string]bool{}
	for i := range in.state {
		p := &in.state[i]
		if prev[p.Audience] == nil {
			prev[p.Audience] = map[int64]*ledger.Published{}
		}
		prev[p.Audience][p.Document] = p
		had[p.Audience] = true
	}
	sps := spaces(in.owners, in.president, in.binders, had, day)
	items := plan(sps, in, prev, cutoff, opt.Since)

	p := &run{dir: dir, root: root, opt: opt, refused: map[int64]string{}, bad: map[int64]bool{}, changed: map[string]bool{}, res: &res}
	p.total = len(items) + len(in.state) + len(sps)
	var state []ledger.Published
	wanted := map[string]map[int64]bool{}
	for _, it := range items {
		if wanted[it.sp.audience] == nil {
			wanted[it.sp.audience] = map[int64]bool{}
		}
		wanted[it.sp.audience][it.doc.ID] = true
		kept, err := p.place(it)
		if err != nil {
			return res, err
		}
		if kept != nil {
			state = append(state, *kept)
		}
	}
	// What the spaces held and may no longer hold.
	for _, old := range in.state {
		p.step()
		if wanted[old.Audience][old.Document] {
			continue
		}
		gone, err := removeOurs(filepath.Join(dir, filepath.FromSlash(old.Name)), old.SHA256, dir)
		if err != nil {
			return res, err
		}
		if gone {
			res.Removed++
			p.changed[old.Audience] = true
		}
	}
	sort.Slice(state, func(i, j int) bool {
		if state[i].Audience != state[j].Audience {
			return state[i].Audience < state[j].Audience
		}
		return state[i].Name < state[j].Name
	})
	docs := map[int64]ledger.Document{}
	for _, d := range in.docs {
		docs[d.ID] = d
	}
	for i := range sps {
		p.step()
		n, err := p.finish(&sps[i], in, state, docs, day)
		if err != nil {
			return res, err
		}
		res.Spaces = append(res.Spaces, Space{Audience: sps[i].audience, Folder: filepath.Join(dir, sps[i].folder), Files: n})
	}
	for id, why := range p.refused {
		res.Refused = append(res.Refused, Refusal{Document: id, Title: docs[id].Title, Reason: why})
	}
	sort.Slice(res.Refused, func(i, j int) bool { return res.Refused[i].Document < res.Refused[j].Document })
	err = r.Update(func(tx *ledger.Tx) error {
		_, err := tx.RecordPublication(ledger.Publication{Folder: dir, Since: recordSince, Added: res.Added, Removed: res.Removed}, state)
		return err
	})
	if err != nil {
		return res, err
	}
	settings.Folder = dir
	return res, r.SetPublishSettings(settings)
}

// plan lists what each space should hold: the documents it may see, dated
// from the cutoff (or held already, or sent again from since), each under
// « <space>/<binder>/<file> », a name kept from one publication to the
// next.
func plan(sps []space, in input, prev map[string]map[int64]*ledger.Published, cutoff, since time.Time) []item {
	docs := append([]ledger.Document(nil), in.docs...)
	sort.Slice(docs, func(i, j int) bool {
		if !docs[i].Date.Equal(docs[j].Date) {
			return docs[i].Date.Before(docs[j].Date)
		}
		return docs[i].ID < docs[j].ID
	})
	var out []item
	for i := range sps {
		sp := &sps[i]
		taken := map[string]bool{}
		var mine []item
		for _, d := range docs {
			b, ok := in.binders[d.Binder]
			if !ok || !sp.sees(d, b, in.president) {
				continue
			}
			old := prev[sp.audience][d.ID]
			resend := !since.IsZero() && !d.Date.Before(since)
			if old == nil && !resend && d.Date.Before(cutoff) {
				continue
			}
			it := item{sp: sp, doc: d, prev: old, resend: resend,
				name: sp.folder + "/" + safeName(b.Label, 60) + "/" + fileName(d)}
			if old != nil && path.Dir(old.Name) == path.Dir(it.name) {
				it.name = old.Name
				taken[strings.ToLower(it.name)] = true
			}
			mine = append(mine, it)
		}
		for j := range mine {
			if mine[j].prev != nil && mine[j].name == mine[j].prev.Name {
				continue
			}
			mine[j].name = dedupe(mine[j].name, mine[j].doc.ID, taken)
			taken[strings.ToLower(mine[j].name)] = true
		}
		out = append(out, mine...)
	}
	return out
}

// run is a publication under way.
type run struct {
	dir, root   string
	opt         Options
	done, total int
	refused     map[int64]string // document → why
	bad         map[int64]bool   // documents whose file is not the registered one
	changed     map[string]bool  // spaces whose files changed
	res         *Result
}

func (p *run) step() {
	p.done++
	if p.opt.Progress != nil {
		p.opt.Progress(min(p.done, p.total), p.total)
	}
}

// place puts one document into its space and returns what the space holds
// of it afterwards (nil: nothing).
func (p *run) place(it item) (*ledger.Published, error) {
	defer p.step()
	d := it.doc
	dst := filepath.Join(p.dir, filepath.FromSlash(it.name))
	now := &ledger.Published{Audience: it.sp.audience, Document: d.ID, SHA256: d.SHA256, Name: it.name}
	keep := it.prev // what stays when this one fails
	if keep != nil {
		if sum, _ := fileSum(filepath.Join(p.dir, filepath.FromSlash(keep.Name))); sum != keep.SHA256 {
			keep = nil
		}
	}
	sum, err := fileSum(dst)
	if err != nil {
		p.refuse(d, ledger.Message(err))
		return keep, nil
	}
	ours := it.prev != nil && it.prev.Name == it.name
	switch {
	case ours && it.prev.SHA256 == d.SHA256 && sum == d.SHA256 && !it.resend:
		p.res.Unchanged++
		return now, nil
	case !ours && sum != "" && sum != d.SHA256:
		p.refuse(d, "un fichier qui n'est pas de Tantième porte déjà ce nom : "+dst+" (il est laissé tel quel)")
		return keep, nil
	case !ours && sum == d.SHA256 && !it.resend:
		// Already there, the same bytes: a publication interrupted before
		// it could record what it wrote.
		p.added(it)
		return now, nil
	}
	if p.bad[d.ID] {
		return keep, nil
	}
	why, err := copyChecked(app.DocumentPath(p.root, d), dst, d.SHA256)
	if err != nil {
		return nil, err
	}
	if why != "" {
		p.bad[d.ID] = true
		p.refuse(d, why)
		return keep, nil
	}
	p.added(it)
	if it.prev != nil && it.prev.Name != it.name {
		if _, err := removeOurs(filepath.Join(p.dir, filepath.FromSlash(it.prev.Name)), it.prev.SHA256, p.dir); err != nil {
			return now, err
		}
	}
	return now, nil
}

func (p *run) added(it item) {
	p.res.Added++
	p.changed[it.sp.audience] = true
}

func (p *run) refuse(d ledger.Document, why string) {
	if _, ok := p.refused[d.ID]; !ok {
		p.refused[d.ID] = why
	}
}
