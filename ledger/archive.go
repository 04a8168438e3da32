package ledger

import (
	"archive/zip"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A backup archive ("Les-Tilleuls_20261122-140312.copro.zip") is a zip
// holding manifest.json, the residence snapshot residence.copro and, for a
// full backup, the generated documents under documents/.
const (
	archiveFormat     = "tantieme-sauvegarde"
	archiveFormatV    = 1
	archiveManifest   = "manifest.json"
	archiveDB         = "residence.copro"
	archiveDocs       = "documents/"
	ArchiveExt        = ".copro.zip"
	maxManifestSize   = 4 << 20
	maxArchivedMember = 1 << 40
)

// Manifest describes an archive: what the user sees before restoring, and
// the hash that proves the residence inside is the one that was saved.
type Manifest struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"format_version"`
	Residence     string    `json:"residence"`
	File          string    `json:"file"` // the residence's file name when saved
	Created       time.Time `json:"created"`
	Exercise      string    `json:"exercise,omitempty"`
	SchemaVersion int       `json:"schema_version"`
	SHA256        string    `json:"sha256"`
	Size          int64     `json:"size"`
	Owners        int       `json:"owners"`
	Lots          int       `json:"lots"`
	Entries       int       `json:"entries"`
	Reason        string    `json:"reason,omitempty"` // safety copies: why it was made
	// Fingerprints of the books when saved, one per exercise (chain.go):
	// a copy of the proof kept outside the residence.
	Fingerprints []ManifestFingerprint `json:"fingerprints,omitempty"`
	ChainHead    string                `json:"chain_head,omitempty"` // the chain's last link in full (hex)
	Documents    []ArchivedDocument    `json:"documents,omitempty"`
}

// ManifestFingerprint is an exercise's fingerprint in a manifest.
type ManifestFingerprint struct {
	Exercise    string `json:"exercise"`
	Fingerprint string `json:"fingerprint"`
	Sealed      bool   `json:"sealed,omitempty"`
}

// ArchivedDocument is a generated document kept by a full backup.
type ArchivedDocument struct {
	Path   string `json:"path"` // relative, with slashes
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Full says whether the archive holds the documents too.
func (m Manifest) Full() bool { return len(m.Documents) > 0 }

// ArchiveOptions are the choices of one backup.
type ArchiveOptions struct {
	Reason    string    // for safety copies ("avant-import")
	Documents string    // a folder whose files are added (full backup); "" for none
	Now       time.Time // the archive's date; zero: now
}

// WriteArchive writes a verified backup of the residence into dir and
// returns its path and manifest. The copy is consistent (pageCopy); the
// archive is written under a temporary name, synced, read back entirely
// (hash) while the copy it was made from passes SQLite's full integrity
// check, and only then renamed: a backup that says it is done can be
// restored.
func (d *DB) WriteArchive(dir string, opt ArchiveOptions) (string, Manifest, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Manifest{}, Wrap(Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	if err := d.ensureArchiveSpace(dir, opt.Documents); err != nil {
		return "", Manifest{}, err
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	snapPath, err := d.copyInto(dir)
	if err != nil {
		return "", Manifest{}, err
	}
	defer os.Remove(snapPath)
	return archiveCopy(snapPath, dir, "", filepath.Base(d.path), opt.Reason, opt.Documents, now, true)
}

// copyInto writes a page copy of the residence under a temporary name of
// dir (removed by PruneArchives if left by a crash) and returns its path.
func (d *DB) copyInto(dir string) (string, error) {
	snap, err := os.CreateTemp(dir, ".tantieme-copie-*.tmp")
	if err != nil {
		return "", Wrap(Invalid, err, "Impossible d'écrire dans « %s » (clé USB protégée en écriture ou pleine ?)", dir)
	}
	snapPath := snap.Name()
	snap.Close()
	os.Remove(snapPath) // the copy wants a new file
	if err := d.pageCopy(snapPath); err != nil {
		return "", err
	}
	return snapPath, nil
}

// archiveCopy writes the archive of snap, a consistent copy of a residence
// that nothing writes any more, into dir (as dest, or under a new name when
// dest is ""), verifies it and returns its path and manifest.
//
// When parallel, the work is shared between the two cores: SQLite's full
// integrity check of snap (the longest part) runs while the archive is
// compressed and read back. Else (the archive of a
// safety copy, made in the background while the closing or the import
// runs) one core does all, one step after the other. Checking snap rather than the copy read back from the archive is
// the same check: the archive's residence is read back entirely, its
// SHA-256 computed, and compared to the one of snap hashed while it was
// compressed; equal hashes, the same bytes.
func archiveCopy(snap, dir, dest, file, reason, docsDir string, now time.Time, parallel bool) (string, Manifest, error) {
	var m Manifest
	// Counts and fingerprints once, for the manifest; compared below to
	// what the full check reads.
	info, err := inspectSnapshot(snap, false)
	if err != nil {
		return "", m, Wrap(Internal, err, "La copie de la résidence est incohérente : %s", Message(err))
	}
	checked := make(chan error, 1)
	check := func() {
		full, err := inspectSnapshot(snap, true)
		if err == nil && (full.SchemaVersion != info.SchemaVersion || full.Owners != info.Owners || full.Lots != info.Lots || full.Entries != info.Entries) {
			err = Errorf(Internal, "les comptes de la copie ont changé")
		}
		checked <- err
	}
	if parallel {
		go check()
	} else {
		check()
	}
	fail := func(path string, err error) (string, Manifest, error) {
		if cerr := <-checked; cerr != nil && err == nil {
			err = cerr
		}
		if path != "" {
			os.Remove(path)
		}
		return "", m, err
	}
	m = Manifest{Format: archiveFormat, FormatVersion: archiveFormatV, Residence: info.Residence,
		File: file, Created: now.Truncate(time.Second), Exercise: info.Exercise,
		SchemaVersion: info.SchemaVersion, Owners: info.Owners, Lots: info.Lots,
		Entries: info.Entries, Reason: reason, Fingerprints: info.Fingerprints, ChainHead: info.ChainHead}
	var docs []string
	if docsDir != "" {
		if docs, err = listDocuments(docsDir); err != nil {
			return fail("", err)
		}
	}
	if dest == "" {
		dest = archivePath(dir, info.Residence, reason, now)
	}
	part := dest + ".partial"
	if err := writeZip(part, snap, docsDir, docs, &m); err != nil {
		return fail(part, writeFailed(dir, fmt.Sprintf("la sauvegarde de « %s »", file), err))
	}
	a, err := OpenArchive(part)
	if err == nil {
		err = a.readBack()
		a.Close() // an archive left open cannot be renamed on Windows, nor its disk unmounted
	}
	if cerr := <-checked; err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.Remove(part)
		return "", m, Wrap(Internal, err, "La sauvegarde « %s » relue ne correspond pas à la résidence : %s. Essayez un autre support", filepath.Base(dest), Message(err))
	}
	if err := os.Rename(part, dest); err != nil {
		os.Remove(part)
		return "", m, Wrap(Internal, err, "La sauvegarde « %s » ne peut pas être nommée", dest)
	}
	syncDir(dir)
	return dest, a.Manifest, nil
}

// readBack reads the archive's residence and documents back from the
// medium and compares each to its size and SHA-256 in the manifest. The
// residence is not written anywhere: its integrity is checked on the copy
// the archive was made from (archiveCopy), or by Verify.
func (a *Archive) readBack() error {
	name := filepath.Base(a.Path)
	r, err := a.db.Open()
	if err != nil {
		return Wrap(Invalid, err, "« %s » est endommagée : la résidence qu'elle contient ne peut pas être lue", name)
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(r, a.Manifest.Size+1))
	r.Close()
	if err != nil {
		return Wrap(Invalid, err, "« %s » est endommagée : la résidence qu'elle contient ne peut pas être lue", name)
	}
	if n != a.Manifest.Size || hex.EncodeToString(h.Sum(nil)) != strings.ToLower(a.Manifest.SHA256) {
		return Errorf(Invalid, "« %s » est endommagée : l'empreinte SHA-256 de la résidence ne correspond pas à celle du manifeste", name)
	}
	for _, d := range a.Manifest.Documents {
		if err := a.copyDocument(d, io.Discard); err != nil {
			return err
		}
	}
	return nil
}

// archiveLevel is the deflate level of new archives. BestSpeed: on the
// 95 MB benchmark residence the archive is a little larger than with the
// default level, and written several times faster (see README). Any level
// reads back with the same inflate: older archives restore unchanged.
const archiveLevel = flate.BestSpeed

func writeZip(dest, snapPath, docsDir string, docs []string, m *Manifest) error {
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return Wrap(Invalid, err, "La sauvegarde « %s » ne peut pas être écrite", dest)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, archiveLevel)
	})
	failed := func(err error) error {
		return Wrap(Internal, err, "La sauvegarde « %s » ne peut pas être écrite (support plein ou retiré ?)", filepath.Base(dest))
	}
	for _, rel := range docs {
		src := filepath.Join(docsDir, filepath.FromSlash(rel))
		sum, size, err := copyIntoZip(zw, archiveDocs+rel, src)
		if err != nil {
			return failed(err)
		}
		m.Documents = append(m.Documents, ArchivedDocument{Path: rel, Size: size, SHA256: sum})
	}
	// The residence is hashed as it is compressed (one read of the copy);
	// the manifest, which carries the hash, is written after it.
	sum, size, err := copyIntoZip(zw, archiveDB, snapPath)
	if err != nil {
		return failed(err)
	}
	m.SHA256, m.Size = sum, size
	body, _ := json.MarshalIndent(m, "", "  ")
	w, err := zw.CreateHeader(&zip.FileHeader{Name: archiveManifest, Method: zip.Deflate, Modified: m.Created})
	if err != nil {
		return failed(err)
	}
	if _, err := w.Write(body); err != nil {
		return failed(err)
	}
	if err := zw.Close(); err != nil {
		return failed(err)
	}
	if err := f.Sync(); err != nil {
		return failed(err)
	}
	return nil
}

func copyIntoZip(zw *zip.Writer, name, src string) (string, int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", 0, err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return "", 0, err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: st.ModTime()})
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), in)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// listDocuments lists the regular files under dir, relative with slashes.
func listDocuments(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, Wrap(Invalid, err, "Le dossier des documents « %s » ne peut pas être lu", dir)
	}
	sort.Strings(out)
	return out, nil
}

// Archive is a backup archive opened for reading: its manifest is read and
// checked for shape; Verify checks its content.
type Archive struct {
	Path     string
	Manifest Manifest
	zr       *zip.ReadCloser
	db       *zip.File
	docs     map[string]*zip.File
	plain    *os.File // a plain safety copy (archive_safety.go) instead of a zip
}

// OpenArchive reads an archive's manifest. Nothing is extracted yet. A
// plain safety copy not zipped yet is read too, by its name or by the name
// its archive will have (and an archive by its plain copy's name once it
// is written): one of the two exists at every instant.
func OpenArchive(file string) (*Archive, error) {
	plain := PlainCopyPath(file)
	if plain != file && !exists(file) && exists(plain) {
		if a, err := openPlain(plain); KindOf(err) != NotFound || exists(plain) {
			return a, err
		}
	} else if checkHeader(file) == nil {
		if a, err := openPlain(file); KindOf(err) != NotFound || !exists(file+".zip") {
			return a, err
		}
		file += ".zip" // zipped meanwhile
	} else if !exists(file) && exists(file+".zip") && strings.HasSuffix(file, PlainCopyExt) {
		file += ".zip"
	}
	return openZip(file)
}

func openZip(file string) (*Archive, error) {
	name := filepath.Base(file)
	bad := func(format string, args ...any) error {
		return Errorf(Invalid, "« %s » n'est pas une sauvegarde Tantième utilisable : %s", name, fmt.Sprintf(format, args...))
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Errorf(NotFound, "La sauvegarde « %s » n'existe pas", file)
		}
		return nil, Wrap(Invalid, err, "« %s » n'est pas une sauvegarde Tantième utilisable : archive illisible ou tronquée", name)
	}
	a := &Archive{Path: file, zr: zr, docs: map[string]*zip.File{}}
	fail := func(err error) (*Archive, error) {
		zr.Close()
		return nil, err
	}
	var manifest *zip.File
	for _, f := range zr.File {
		switch {
		case f.Name == archiveManifest:
			manifest = f
		case f.Name == archiveDB:
			a.db = f
		case strings.HasPrefix(f.Name, archiveDocs) && !strings.HasSuffix(f.Name, "/"):
			a.docs[strings.TrimPrefix(f.Name, archiveDocs)] = f
		}
	}
	if manifest == nil || a.db == nil {
		return fail(bad("le manifeste ou la résidence manque"))
	}
	if manifest.UncompressedSize64 > maxManifestSize {
		return fail(bad("manifeste trop grand"))
	}
	r, err := manifest.Open()
	if err != nil {
		return fail(Wrap(Invalid, err, "« %s » n'est pas une sauvegarde Tantième utilisable : manifeste illisible", name))
	}
	body, err := io.ReadAll(io.LimitReader(r, maxManifestSize+1))
	r.Close()
	if err != nil {
		return fail(Wrap(Invalid, err, "« %s » est endommagée : manifeste illisible", name))
	}
	m := &a.Manifest
	if err := json.Unmarshal(body, m); err != nil {
		return fail(Wrap(Invalid, err, "« %s » est endommagée : manifeste illisible", name))
	}
	switch {
	case m.Format != archiveFormat:
		return fail(bad("format « %s » inconnu", m.Format))
	case m.FormatVersion > archiveFormatV:
		return fail(Errorf(Invalid, "« %s » a été écrite par une version plus récente de Tantième (format %d) : mettez Tantième à jour", name, m.FormatVersion))
	case m.SchemaVersion > SchemaVersion():
		return fail(Errorf(Invalid, "« %s » a été écrite par une version plus récente de Tantième (schéma %d, ce programme connaît le schéma %d) : mettez Tantième à jour avant de la restaurer", name, m.SchemaVersion, SchemaVersion()))
	case m.Size < 0 || m.Size > maxArchivedMember || uint64(m.Size) != a.db.UncompressedSize64:
		return fail(bad("la taille de la résidence ne correspond pas au manifeste"))
	case len(m.SHA256) != 64:
		return fail(bad("empreinte absente du manifeste"))
	}
	for _, d := range m.Documents {
		f, ok := a.docs[d.Path]
		if !ok || !safeRelPath(d.Path) || d.Size < 0 || uint64(d.Size) != f.UncompressedSize64 {
			return fail(bad("le document « %s » manque ou ne correspond pas au manifeste", d.Path))
		}
	}
	if len(a.docs) != len(m.Documents) {
		return fail(bad("des documents ne sont pas dans le manifeste"))
	}
	return a, nil
}

// Close closes the archive.
func (a *Archive) Close() error {
	if a.plain != nil {
		return a.plain.Close()
	}
	return a.zr.Close()
}

// Verify reads the whole archive back: the residence matches the manifest's
// hash and passes SQLite's full integrity check with the counts announced,
// and each document matches its hash. Nothing is written but a temporary
// copy, removed before returning.
func (a *Archive) Verify() error {
	tmp, err := a.extract(os.TempDir(), false)
	if err != nil {
		return err
	}
	os.Remove(tmp)
	for _, d := range a.Manifest.Documents {
		if err := a.copyDocument(d, io.Discard); err != nil {
			return err
		}
	}
	return nil
}

// Extract writes the residence of the archive into a new temporary file of
// dir, checks it entirely (hash, integrity, schema, counts) and returns its
// path; the caller renames or removes it. The copy is synced and opened as
// Open will open it once restored (prepareCandidate).
func (a *Archive) Extract(dir string) (string, error) { return a.extract(dir, true) }

// extract is Extract; a copy only verified (restore false, removed at once)
// is not synced.
func (a *Archive) extract(dir string, restore bool) (string, error) {
	name := filepath.Base(a.Path)
	f, err := os.CreateTemp(dir, ".tantieme-restauration-*.tmp")
	if err != nil {
		return "", Wrap(Invalid, err, "Impossible d'écrire dans « %s »", dir)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	var r io.ReadCloser = io.NopCloser(io.NewSectionReader(a.plain, 0, a.Manifest.Size+1))
	if a.plain == nil {
		if r, err = a.db.Open(); err != nil {
			f.Close()
			return "", Wrap(Invalid, err, "« %s » est endommagée : la résidence qu'elle contient ne peut pas être lue", name)
		}
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, a.Manifest.Size+1))
	r.Close()
	if err != nil {
		f.Close()
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "flate") {
			return "", Wrap(Invalid, err, "« %s » est endommagée : la résidence qu'elle contient ne peut pas être lue", name)
		}
		return "", writeFailed(dir, "la résidence de « "+name+" »", Wrap(Internal, err, "La résidence de « %s » ne peut pas être copiée dans « %s » (disque plein ?)", name, dir))
	}
	if err := syncIf(restore, f); err != nil {
		f.Close()
		return "", writeFailed(dir, "la résidence de « "+name+" »", Wrap(Internal, err, "La résidence de « %s » ne peut pas être copiée dans « %s »", name, dir))
	}
	f.Close()
	sum := hex.EncodeToString(h.Sum(nil))
	if a.plain != nil && n == a.Manifest.Size {
		a.Manifest.SHA256 = sum // a plain copy has no manifest: its hash is what was read
	}
	if n != a.Manifest.Size || sum != strings.ToLower(a.Manifest.SHA256) {
		return "", Errorf(Invalid, "« %s » est endommagée : l'empreinte SHA-256 de la résidence ne correspond pas à celle du manifeste", name)
	}
	info, err := inspectSnapshot(tmp, true)
	if err != nil {
		return "", Errorf(Invalid, "« %s » ne peut pas être restaurée : %s", name, Message(err))
	}
	m := a.Manifest
	if info.SchemaVersion != m.SchemaVersion || info.Owners != m.Owners || info.Entries != m.Entries || info.Lots != m.Lots {
		return "", Errorf(Invalid, "« %s » est incohérente : la résidence ne correspond pas au manifeste", name)
	}
	if err := prepareCandidate(tmp, name); err != nil {
		return "", err
	}
	ok = true
	return tmp, nil
}

// ExtractDocuments writes the archive's documents under dir, each checked
// against its hash; it returns how many were written.
func (a *Archive) ExtractDocuments(dir string) (int, error) {
	for _, d := range a.Manifest.Documents {
		dest := filepath.Join(dir, filepath.FromSlash(d.Path))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return 0, Wrap(Invalid, err, "Le dossier « %s » ne peut pas être créé", filepath.Dir(dest))
		}
		f, err := os.Create(dest)
		if err != nil {
			return 0, Wrap(Invalid, err, "Le document « %s » ne peut pas être écrit", dest)
		}
		err = a.copyDocument(d, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(dest)
			return 0, err
		}
	}
	return len(a.Manifest.Documents), nil
}

func (a *Archive) copyDocument(d ArchivedDocument, w io.Writer) error {
	name := filepath.Base(a.Path)
	r, err := a.docs[d.Path].Open()
	if err != nil {
		return Errorf(Invalid, "« %s » est endommagée : le document « %s » ne peut pas être lu", name, d.Path)
	}
	defer r.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r, d.Size+1))
	if err != nil || n != d.Size || hex.EncodeToString(h.Sum(nil)) != strings.ToLower(d.SHA256) {
		return Errorf(Invalid, "« %s » est endommagée : le document « %s » ne correspond pas à son empreinte", name, d.Path)
	}
	return nil
}

// safeRelPath refuses paths that would leave the documents folder.
func safeRelPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, ":") {
		return false
	}
	clean := path.Clean(p)
	return clean == p && clean != ".." && !strings.HasPrefix(clean, "../")
}

func hashFile(file string) (string, int64, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", 0, Wrap(Internal, err, "« %s » ne peut pas être relu", file)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, Wrap(Internal, err, "« %s » ne peut pas être relu", file)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func syncIf(sync bool, f *os.File) error {
	if !sync {
		return nil
	}
	return f.Sync()
}

// syncDir makes a rename in dir durable (no-op where directories cannot be
// synced).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// openPlain reads a plain copy of a residence (a safety copy not zipped
// yet, archive_safety.go) as an archive: its manifest is what the copy says
// of itself, its date and reason those of its name. The file is kept open,
// so that the copy zipped and deleted meanwhile is still read whole.
func openPlain(file string) (*Archive, error) {
	name := filepath.Base(file)
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Errorf(NotFound, "La sauvegarde « %s » n'existe pas", file)
		}
		return nil, Wrap(Invalid, err, "« %s » ne peut pas être lue", name)
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, Errorf(Invalid, "« %s » n'est pas une sauvegarde Tantième utilisable", name)
	}
	info, err := inspectSnapshot(file, false)
	if err != nil {
		f.Close()
		if !exists(file) { // zipped and deleted meanwhile: the caller reads the archive
			return nil, Errorf(NotFound, "La sauvegarde « %s » n'existe pas", file)
		}
		return nil, Errorf(Invalid, "« %s » n'est pas une sauvegarde Tantième utilisable : %s", name, Message(err))
	}
	m := Manifest{Format: archiveFormat, FormatVersion: archiveFormatV, Residence: info.Residence,
		Created: st.ModTime().Truncate(time.Second), Exercise: info.Exercise, SchemaVersion: info.SchemaVersion,
		Size: st.Size(), Owners: info.Owners, Lots: info.Lots, Entries: info.Entries,
		Fingerprints: info.Fingerprints, ChainHead: info.ChainHead}
	if t, reason, ok := parsePlainCopyName(name); ok {
		m.Created, m.Reason = t, reason
	}
	return &Archive{Path: file, Manifest: m, plain: f}, nil
}
