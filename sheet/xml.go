package sheet

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlPart streams one XML part of an .xlsx package with every size bounded
// and checks that the part is whole: elements close in order and the
// document element is closed at the end. encoding/xml alone builds each
// token in memory whatever its size (one text run of 1 GiB is one token) and
// its RawToken accepts a document cut in the middle, so that a sheet cut
// between two rows would read as a shorter sheet.
type xmlPart struct {
	name  string // part name, for messages
	dec   *xml.Decoder
	g     *tokenGuard
	c     io.Closer
	open  []string // names of the open elements, as written (with prefix)
	root  bool     // the document element was seen
	ended bool     // and closed
}

// errTokenTooBig is returned by the guard when one token exceeds maxTokenBytes.
var errTokenTooBig = errors.New("élément XML trop grand")

// errPartTooBig is returned when a part decompresses to more than maxPartBytes.
var errPartTooBig = errors.New("partie trop grande une fois décompressée")

// tokenGuard counts the bytes the decoder reads since the start of the
// current token. The decoder reads byte by byte through io.ByteReader, so the
// count is exact.
type tokenGuard struct {
	r     *bufio.Reader
	n     int64 // bytes read in the current token
	limit int64
}

func (g *tokenGuard) ReadByte() (byte, error) {
	if g.n >= g.limit {
		return 0, errTokenTooBig
	}
	g.n++
	return g.r.ReadByte()
}

func (g *tokenGuard) Read(p []byte) (int, error) {
	if g.n >= g.limit {
		return 0, errTokenTooBig
	}
	p = p[:min(int64(len(p)), g.limit-g.n)]
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}

// partReader stops a part at maxPartBytes with an error rather than
// truncating it silently.
type partReader struct {
	r    io.Reader
	left int64
}

func (p *partReader) Read(b []byte) (int, error) {
	if p.left <= 0 {
		// One byte more tells a part of exactly the limit from a longer one.
		var one [1]byte
		n, err := p.r.Read(one[:])
		if n > 0 {
			return 0, errPartTooBig
		}
		return 0, err
	}
	b = b[:min(int64(len(b)), p.left)]
	n, err := p.r.Read(b)
	p.left -= int64(n)
	return n, err
}

// openPart opens a part for reading, bounded; f is the part's zip entry.
func openPart(f *zip.File) (io.ReadCloser, error) {
	// The size the package declares is not checked first: reading the part
	// stops at the limit anyway, and a sheet of a million rows is better
	// told by its rows (the row limit comes first) than by its bytes.
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&partReader{r: rc, left: maxPartBytes}, rc}, nil
}

// next returns the next token, checking the part's structure; io.EOF only
// once the document element has been closed.
func (p *xmlPart) next() (xml.Token, error) {
	p.g.n = 0
	tok, err := p.dec.RawToken()
	if err == io.EOF {
		switch {
		case !p.root:
			return nil, p.damaged(nil, "la partie %s est vide", p.name)
		case !p.ended:
			return nil, p.damaged(nil, "la partie %s s'arrête avant sa fin (élément « %s » jamais fermé)", p.name, p.open[len(p.open)-1])
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, p.readError(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if p.ended {
			return nil, p.damaged(nil, "la partie %s a du contenu après la fin de son document", p.name)
		}
		if len(p.open) >= maxXMLDepth {
			return nil, limitf(0, 0, "la partie %s imbrique plus de %d éléments XML, la limite de Tantième", p.name, maxXMLDepth)
		}
		n := qname(t.Name)
		if len(n) > maxXMLName {
			return nil, limitf(0, 0, "la partie %s a un nom d'élément XML de plus de %d caractères, la limite de Tantième", p.name, maxXMLName)
		}
		p.open = append(p.open, n)
		p.root = true
	case xml.EndElement:
		n := qname(t.Name)
		if len(p.open) == 0 || p.open[len(p.open)-1] != n {
			return nil, p.damaged(nil, "la partie %s n'est pas du XML valide (« %s » fermé sans avoir été ouvert)", p.name, n)
		}
		p.open = p.open[:len(p.open)-1]
		p.ended = len(p.open) == 0
	}
	return tok, nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func (p *xmlPart) Close() error { return p.c.Close() }

func (p *xmlPart) damaged(cause error, format string, args ...any) *readProblem {
	e := damagef(0, 0, format, args...)
	e.Err = cause
	return e
}

// readError names the cause of a failure to read a part in French.
func (p *xmlPart) readError(err error) error {
	var se *xml.SyntaxError
	var ce flate.CorruptInputError
	var rp *readProblem
	switch {
	case errors.As(err, &rp):
		return err
	case errors.Is(err, errTokenTooBig):
		return &readProblem{Msg: fmt.Sprintf("la partie %s contient un élément XML de plus de %d Mo, la limite de Tantième", p.name, maxTokenBytes>>20), Err: err}
	case errors.Is(err, errPartTooBig):
		return &readProblem{Msg: fmt.Sprintf("la partie %s fait plus de %d Mo une fois décompressée, la limite de Tantième", p.name, maxPartBytes>>20), Err: err}
	case errors.Is(err, zip.ErrChecksum):
		return p.damaged(err, "la partie %s est abîmée (somme de contrôle incorrecte)", p.name)
	case errors.As(err, &ce), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return p.damaged(err, "la partie %s est abîmée (données compressées illisibles ou tronquées)", p.name)
	case errors.As(err, &se):
		if strings.Contains(se.Msg, "unexpected EOF") {
			return p.damaged(err, "la partie %s s'arrête avant sa fin (ligne %d)", p.name, se.Line)
		}
		return p.damaged(err, "la partie %s n'est pas du XML valide (ligne %d)", p.name, se.Line)
	}
	return p.damaged(err, "la partie %s ne peut pas être lue", p.name)
}

// zipEntries reads the number of files a zip archive declares in its end
// record, so that an archive of millions of tiny entries is refused before
// archive/zip builds a header for each. ok is false when there is no end
// record (archive/zip then refuses the file).
func zipEntries(r io.ReaderAt, size int64) (n int, ok bool) {
	const endLen = 22 // end of central directory record, without its comment
	tail := min(size, endLen+65535)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	for i := len(buf) - endLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) == 0x06054b50 {
			// Total entries; 0xFFFF means a ZIP64 count, far above any limit.
			return int(binary.LittleEndian.Uint16(buf[i+10:])), true
		}
	}
	return 0, false
}
