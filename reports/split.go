package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// PageRange is a run of pages of a document, 1-based and inclusive.
type PageRange struct{ First, Last int }

// splitPDF cuts a document written by this package into one document per
// range. Letters are drawn into one document (the combined PDF for
// printing) and cut into one file per owner: fpdf parses the embedded
// fonts (1.5 MB of DejaVu) for every new document, which made each letter
// cost 15 ms; cutting costs a copy. It relies on fpdf's layout, which the
// tests check through pdftotext: numbered objects listed in a classic xref
// table, page tree in object 1 with one page object then its content
// stream per page, everything else (resources, fonts, images, info,
// catalog) shared.
func splitPDF(pdf []byte, ranges []PageRange) ([][]byte, error) {
	d, err := parsePDF(pdf)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(ranges))
	for i, r := range ranges {
		if r.First < 1 || r.Last < r.First || r.Last > len(d.pages) {
			return nil, fmt.Errorf("PDF : pages %d à %d hors du document (%d pages)", r.First, r.Last, len(d.pages))
		}
		out[i] = d.cut(r)
	}
	return out, nil
}

type pdfDoc struct {
	raw      []byte
	head     []byte       // "%PDF-1.x" and what precedes the first object
	objs     [][]byte     // by object number; nil for 0
	pages    []int        // page object numbers, in order
	contents map[int]int  // page object → its content stream object
	trailer  []byte       // the trailer dictionary "<< … >>"
	mediaBox []byte       // of the page tree
	isPage   map[int]bool // page and content objects
	root     int          // catalog
	shared   int          // bytes of the objects every cut keeps
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHeadRe  = regexp.MustCompile(`^xref\s+0 (\d+)\s+`)
	kidsRe      = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	mediaBoxRe  = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	contentsRe  = regexp.MustCompile(`/Contents (\d+) 0 R`)
	rootRe      = regexp.MustCompile(`/Root (\d+) 0 R`)
	openRe      = regexp.MustCompile(`/OpenAction \[\d+ 0 R`)
)

func parsePDF(pdf []byte) (*pdfDoc, error) {
	bad := func(what string) (*pdfDoc, error) {
		return nil, fmt.Errorf("PDF illisible pour le découpage : %s", what)
	}
	m := startxrefRe.FindSubmatch(pdf)
	if m == nil {
		return bad("pas de startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(pdf) {
		return bad("startxref hors du fichier")
	}
	tail := pdf[xref:]
	h := xrefHeadRe.FindSubmatchIndex(tail)
	if h == nil {
		return bad("table xref")
	}
	n, _ := strconv.Atoi(string(tail[h[2]:h[3]]))
	entries := tail[h[1]:]
	if len(entries) < 20*n {
		return bad("table xref tronquée")
	}
	offsets := make([]int, n)
	for i := 1; i < n; i++ {
		e := entries[20*i : 20*i+20]
		switch e[17] {
		case 'n':
			offsets[i], _ = strconv.Atoi(string(e[:10]))
		case 'f': // a free object: a letter cut out of a larger document
		default:
			return bad("entrée xref illisible")
		}
	}
	t := bytes.Index(entries[20*n:], []byte("trailer"))
	if t < 0 {
		return bad("pas de trailer")
	}
	trailer := entries[20*n+t+len("trailer"):]
	if end := bytes.Index(trailer, []byte("startxref")); end >= 0 {
		trailer = bytes.TrimSpace(trailer[:end])
	}
	d := &pdfDoc{raw: pdf, objs: make([][]byte, n), contents: map[int]int{}, isPage: map[int]bool{}, trailer: trailer}
	order := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		if offsets[i] > 0 {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return bad("aucun objet")
	}
	sort.Slice(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	for k, i := range order {
		end := xref
		if k+1 < len(order) {
			end = offsets[order[k+1]]
		}
		if offsets[i] <= 0 || end > len(pdf) || offsets[i] >= end {
			return bad("objets mal placés")
		}
		d.objs[i] = pdf[offsets[i]:end]
	}
	d.head = pdf[:offsets[order[0]]]
	if rm := rootRe.FindSubmatch(trailer); rm != nil {
		d.root, _ = strconv.Atoi(string(rm[1]))
	}
	km := kidsRe.FindSubmatch(d.objs[1])
	if km == nil || !bytes.Contains(d.objs[1], []byte("/Type /Pages")) {
		return bad("arbre des pages")
	}
	d.mediaBox = mediaBoxRe.Find(d.objs[1])
	fields := bytes.Fields(km[1])
	for i := 0; i+2 < len(fields); i += 3 {
		p, _ := strconv.Atoi(string(fields[i]))
		if p <= 0 || p >= n {
			return bad("page inconnue")
		}
		obj := d.objs[p]
		if bytes.Contains(obj, []byte("/Annots")) {
			return bad("page avec des liens")
		}
		cm := contentsRe.FindSubmatch(obj)
		if cm == nil {
			return bad("page sans contenu")
		}
		c, _ := strconv.Atoi(string(cm[1]))
		if c <= 0 || c >= n {
			return bad("contenu inconnu")
		}
		d.pages = append(d.pages, p)
		d.contents[p] = c
		d.isPage[p], d.isPage[c] = true, true
	}
	d.shared = len(d.head)
	for i, o := range d.objs {
		if !d.isPage[i] && i != 1 {
			d.shared += len(o)
		}
	}
	return d, nil
}

// cut writes the pages of r with every shared object.
func (d *pdfDoc) cut(r PageRange) []byte {
	keep := map[int]bool{}
	var kids bytes.Buffer
	for _, p := range d.pages[r.First-1 : r.Last] {
		keep[p], keep[d.contents[p]] = true, true
		fmt.Fprintf(&kids, "%d 0 R ", p)
	}
	size := d.shared + 1024 + 80*len(d.objs)
	for _, p := range d.pages[r.First-1 : r.Last] {
		size += len(d.objs[p]) + len(d.objs[d.contents[p]])
	}
	var b bytes.Buffer
	b.Grow(size)
	b.Write(d.head)
	n := len(d.objs)
	offsets := make([]int, n)
	for i := 1; i < n; i++ {
		switch {
		case i == 1:
			offsets[i] = b.Len()
			fmt.Fprintf(&b, "1 0 obj\n<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>\nendobj\n", kids.String(), r.Last-r.First+1, d.mediaBox)
		case d.objs[i] == nil, d.isPage[i] && !keep[i]:
			// left out: a free entry in the xref table
		case i == d.root:
			offsets[i] = b.Len()
			b.Write(openRe.ReplaceAll(d.objs[i], []byte(fmt.Sprintf("/OpenAction [%d 0 R", d.pages[r.First-1]))))
		default:
			offsets[i] = b.Len()
			b.Write(d.objs[i])
		}
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", n)
	// Free entries are chained: each names the next free object, the last 0.
	var free []int
	for i := 1; i < n; i++ {
		if offsets[i] == 0 {
			free = append(free, i)
		}
	}
	next := 0
	if len(free) > 0 {
		next = free[0]
	}
	entry := make([]byte, 0, 20)
	xrefEntry := func(offset int, gen string, kind byte) {
		// "0000012345 00000 n \n", 20 bytes each (a few thousand per cut:
		// fmt would dominate the cutting).
		entry = strconv.AppendInt(entry[:0], int64(offset), 10)
		for k := len(entry); k < 10; k++ {
			b.WriteByte('0')
		}
		b.Write(entry)
		b.WriteByte(' ')
		b.WriteString(gen)
		b.WriteByte(' ')
		b.WriteByte(kind)
		b.WriteString(" \n")
	}
	xrefEntry(next, "65535", 'f')
	fi := 0
	for i := 1; i < n; i++ {
		if offsets[i] == 0 {
			fi++
			next = 0
			if fi < len(free) {
				next = free[fi]
			}
			xrefEntry(next, "00001", 'f')
			continue
		}
		xrefEntry(offsets[i], "00000", 'n')
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", d.trailer, xref)
	return b.Bytes()
}
