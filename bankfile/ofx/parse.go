package ofx

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"tantieme/bankfile"
)

var bom = []byte("\xEF\xBB\xBF")

// Sniff says whether data looks like OFX, from its content: an OFX 1.x
// header ("OFXHEADER:" first, after an optional byte-order mark and blank
// lines), or an XML document whose prolog holds <?OFX ...?> or whose root
// is <OFX>, or a bare <OFX> body.
func Sniff(data []byte) bool {
	s := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if hasPrefixFold(s, "OFXHEADER:") || hasPrefixFold(s, "<OFX>") || hasPrefixFold(s, "<?OFX") {
		return true
	}
	if !hasPrefixFold(s, "<?xml") {
		return false
	}
	// The OFX processing instruction or the root follows the XML
	// declaration, perhaps after comments: look in the first kilobytes
	// only, a CAMT file's root is <Document>.
	head := s[:min(len(s), 4096)]
	return bytes.Contains(head, []byte("<?OFX")) || bytes.Contains(head, []byte("<OFX>"))
}

func hasPrefixFold(s []byte, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(string(s[:len(p)]), p)
}

// Parse reads an OFX file into one Statement per STMTRS or CCSTMTRS
// aggregate. name is the file's name, for messages.
func Parse(name string, data []byte) ([]bankfile.Statement, error) {
	fail := func(where, msg string) error { return &bankfile.Error{File: name, Where: where, Msg: msg} }
	if len(data) > bankfile.MaxFileBytes {
		return nil, fail("", fmt.Sprintf("fichier trop gros (%d Mo), un relevé en fait rarement plus d'un", len(data)>>20))
	}
	data = bytes.TrimPrefix(data, bom)
	lead := bytes.TrimLeft(data, " \t\r\n")
	var (
		root    *node
		format  string
		err     error
		xmlForm = hasPrefixFold(lead, "<?xml") || hasPrefixFold(lead, "<?OFX")
	)
	switch {
	case xmlForm:
		text := decode(data, xmlEncoding(lead))
		var v string
		root, v, err = readXML(text)
		format = "OFX " + version(v, "2.0")
	case hasPrefixFold(lead, "OFXHEADER:") || hasPrefixFold(lead, "<OFX>"):
		// The header is ASCII: read it on the raw bytes, then decode.
		h, _ := header(string(data))
		text := decode(data, charsetOf(h))
		_, body := header(text)
		root, err = readSGML(text, body)
		format = "OFX " + version(h["VERSION"], "1.0.2")
	default:
		return nil, fail("", "ce n'est pas un fichier OFX : il ne commence ni par l'en-tête « OFXHEADER: » ni par <OFX>")
	}
	if err != nil {
		var se *sgmlError
		if errors.As(err, &se) {
			return nil, fail(fmt.Sprintf("ligne %d", se.line), se.msg)
		}
		return nil, fail("", err.Error())
	}
	return statements(name, root, format)
}

// charsetOf is the character set an OFX 1.x header declares: ENCODING
// UTF-8 wins, else CHARSET (1252, ISO-8859-1, NONE…).
func charsetOf(h map[string]string) string {
	if e := strings.ToUpper(h["ENCODING"]); e == "UTF-8" || e == "UTF8" {
		return e
	}
	return h["CHARSET"]
}

// xmlEncoding reads encoding="…" from an XML declaration.
func xmlEncoding(lead []byte) string {
	end := bytes.Index(lead, []byte("?>"))
	if !hasPrefixFold(lead, "<?xml") || end < 0 {
		return ""
	}
	decl := strings.ReplaceAll(string(lead[:end]), "'", `"`)
	_, after, ok := strings.Cut(decl, `encoding="`)
	if !ok {
		return ""
	}
	enc, _, _ := strings.Cut(after, `"`)
	return enc
}

// version writes a header's VERSION the way the spec titles it: 102 →
// "1.0.2", 200 → "2.0", 211 → "2.1.1"; def when absent or odd.
func version(v, def string) string {
	v = strings.TrimSpace(v)
	if len(v) != 3 || !allDigits(v) {
		return def
	}
	s := v[0:1] + "." + v[1:2]
	if v[2] != '0' {
		s += "." + v[2:3]
	}
	return s
}
