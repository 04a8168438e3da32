package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// namedStreams finds, in a page's or an image's dictionary, the stream
// fpdf compresses: the page's contents, the image's palette.
var namedStreams = regexp.MustCompile(`(?:/Contents (\d+) 0 R>>|/Indexed /DeviceRGB \d+ (\d+) 0 R\])`)

// fpdf compresses each page's content with a new zlib writer, whose
// compressor (about 1 MB, cleared) cost more than the compression itself:
// a quarter of the owners' statements of 600 owners, 4,000 pages of a big
// grand livre (issue 22). The document is written uncompressed and its page
// contents are compressed here with one writer, reset between pages, at
// fpdf's level: the bytes are those fpdf writes (TestDeflatePagesAsFpdf).
// fpdfDeflates lets the tests write the document fpdf's way.
var fpdfDeflates = false

// deflatePages compresses the uncompressed streams of an fpdf document
// (pages, and a palette if any: fpdf compresses those too), found through
// its cross-reference table, and writes the table again. A document it does
// not recognise as fpdf's is returned as it is: valid, only bigger.
func deflatePages(pdf []byte) []byte {
	out, err := deflateStreams(pdf)
	if err != nil {
		return pdf
	}
	return out
}

func deflateStreams(pdf []byte) ([]byte, error) {
	const startxref = "\nstartxref\n"
	s := bytes.LastIndex(pdf, []byte(startxref))
	if s < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	end := bytes.IndexByte(pdf[s+len(startxref):], '\n')
	if end < 0 {
		return nil, fmt.Errorf("startxref unterminated")
	}
	xref, err := strconv.Atoi(string(pdf[s+len(startxref) : s+len(startxref)+end]))
	if err != nil || xref <= 0 || xref >= s {
		return nil, fmt.Errorf("bad startxref")
	}
	// "xref\n0 N\n" then N entries of 20 bytes, the first the free one.
	rest := pdf[xref:]
	if !bytes.HasPrefix(rest, []byte("xref\n0 ")) {
		return nil, fmt.Errorf("no xref")
	}
	nl := bytes.IndexByte(rest[7:], '\n')
	if nl < 0 {
		return nil, fmt.Errorf("xref unterminated")
	}
	n, err := strconv.Atoi(string(rest[7 : 7+nl]))
	if err != nil || n < 1 {
		return nil, fmt.Errorf("bad xref size")
	}
	entries := xref + 7 + nl + 1
	trailer := entries + 20*n
	if trailer > s {
		return nil, fmt.Errorf("xref too long")
	}
	type object struct{ num, at int }
	objs := make([]object, 0, n-1)
	for i := 1; i < n; i++ {
		e := pdf[entries+20*i : entries+20*i+20]
		at, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || at <= 0 || at >= xref {
			return nil, fmt.Errorf("bad xref entry %d", i)
		}
		objs = append(objs, object{i, at})
	}
	sort.Slice(objs, func(a, b int) bool { return objs[a].at < objs[b].at })

	// The streams fpdf compresses: the pages' contents, named by their
	// page (written before them), and an indexed image's palette, named by
	// its image; fpdf leaves the others (ToUnicode maps) as they are.
	deflated := map[int]bool{}
	var out bytes.Buffer
	out.Grow(len(pdf) / 3)
	out.Write(pdf[:objs[0].at])
	offsets := make([]int, n)
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	var z bytes.Buffer
	for k, o := range objs {
		stop := xref
		if k+1 < len(objs) {
			stop = objs[k+1].at
		}
		if stop <= o.at {
			return nil, fmt.Errorf("objects overlap")
		}
		offsets[o.num] = out.Len()
		obj := pdf[o.at:stop]
		head := strconv.Itoa(o.num) + " 0 obj\n<</Length "
		if !deflated[o.num] || !bytes.HasPrefix(obj, []byte(head)) {
			dict := obj
			if i := bytes.Index(dict, []byte("stream\n")); i >= 0 {
				dict = dict[:i] // an image's data is not read
			}
			for _, m := range namedStreams.FindAllSubmatch(dict, -1) {
				for _, g := range m[1:] {
					if num, err := strconv.Atoi(string(g)); err == nil && num > o.num {
						deflated[num] = true
					}
				}
			}
			out.Write(obj)
			continue
		}
		body := obj[len(head):]
		gt := bytes.Index(body, []byte(">>\nstream\n"))
		if gt < 0 {
			out.Write(obj)
			continue
		}
		size, err := strconv.Atoi(string(body[:gt]))
		data := body[gt+len(">>\nstream\n"):]
		if err != nil || size < 0 || size > len(data) || string(data[size:]) != "\nendstream\nendobj\n" {
			out.Write(obj)
			continue
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(data[:size]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, z.Len())
		out.Write(z.Bytes())
		out.WriteString("\nendstream\nendobj\n")
	}
	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n", n)
	out.Write(pdf[entries : entries+20])
	for i := 1; i < n; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[i])
	}
	out.Write(pdf[trailer:s])
	fmt.Fprintf(&out, "%s%d\n", startxref, newXref)
	out.Write(pdf[s+len(startxref)+end+1:])
	return out.Bytes(), nil
}
