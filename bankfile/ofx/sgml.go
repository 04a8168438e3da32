package ofx

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// header reads the OFX 1.x header (OFX 1.0.2 §2.2): KEY:VALUE pairs before
// the first '<'. The spec puts one pair a line; some exports put them all on
// one line separated by spaces, so the header is split on any blank.
func header(text string) (h map[string]string, body int) {
	body = strings.IndexByte(text, '<')
	if body < 0 {
		body = len(text)
	}
	h = map[string]string{}
	for _, f := range strings.Fields(text[:body]) {
		if k, v, ok := strings.Cut(f, ":"); ok {
			h[strings.ToUpper(k)] = v
		}
	}
	return h, body
}

// Tags whose role the SGML form does not show. In OFX 1.x a leaf (an
// "element" of the spec) may or may not be closed, and an aggregate always
// is (OFX 1.0.2 §2.3.1); a leaf with an empty value looks like an
// aggregate's start. These lists settle the tags a statement uses; any
// other tag is a leaf when a value follows it and an aggregate otherwise,
// and an "aggregate" never closed is taken, when its parent closes, for
// the empty leaf it was (its would-be children go back to the parent).
var aggregates = set("OFX", "SIGNONMSGSRSV1", "SONRS", "STATUS", "FI", "BANKMSGSRSV1", "STMTTRNRS",
	"STMTRS", "BANKACCTFROM", "BANKACCTTO", "BANKTRANLIST", "STMTTRN", "LEDGERBAL", "AVAILBAL",
	"CREDITCARDMSGSRSV1", "CCSTMTTRNRS", "CCSTMTRS", "CCACCTFROM", "CCACCTTO", "PAYEE", "CURRENCY",
	"ORIGCURRENCY", "BALLIST", "BAL", "MKTGINFO")

var leaves = set("CODE", "SEVERITY", "MESSAGE", "DTSERVER", "LANGUAGE", "DTPROFUP", "DTACCTUP", "ORG", "FID",
	"TRNUID", "CURDEF", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "ACCTKEY", "DTSTART", "DTEND",
	"TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "CORRECTFITID", "CORRECTACTION",
	"SRVRTID", "CHECKNUM", "REFNUM", "SIC", "PAYEEID", "NAME", "MEMO", "BALAMT", "DTASOF",
	"CURRATE", "CURSYM", "ADDR1", "ADDR2", "ADDR3", "CITY", "STATE", "POSTALCODE", "COUNTRY", "PHONE")

func set(tags ...string) map[string]bool {
	m := make(map[string]bool, len(tags))
	for _, t := range tags {
		m[t] = true
	}
	return m
}

// sgmlError is a refusal at a line, made into a bankfile.Error by Parse.
type sgmlError struct {
	line int
	msg  string
}

func (e *sgmlError) Error() string { return fmt.Sprintf("ligne %d : %s", e.line, e.msg) }

// readSGML builds the element tree of an OFX 1.x body starting at byte
// start of text (the header before it is counted for line numbers).
func readSGML(text string, start int) (*node, error) {
	root := &node{}
	stack := []*node{root}
	line := 1 + strings.Count(text[:start], "\n")
	var lastLeaf *node // a leaf just read, whose closing tag may follow
	i := start
	for i < len(text) {
		c := text[i]
		if c != '<' || !tagStart(text, i) {
			// Text outside a leaf (blanks, stray characters) says
			// nothing: skip it.
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		tagLine := line
		// Comments and declarations: skipped.
		if strings.HasPrefix(text[i:], "<!--") || text[i+1] == '!' || text[i+1] == '?' {
			end := "-->"
			if !strings.HasPrefix(text[i:], "<!--") {
				end = ">"
			}
			j := strings.Index(text[i:], end)
			if j < 0 {
				return nil, &sgmlError{tagLine, "fichier tronqué : un commentaire ou une déclaration n'est pas refermé"}
			}
			line += strings.Count(text[i:i+j], "\n")
			i += j + len(end)
			continue
		}
		closing := text[i+1] == '/'
		j := i + 1
		if closing {
			j++
		}
		k := j
		for k < len(text) && nameChar(text[k]) {
			k++
		}
		name := strings.ToUpper(text[j:k])
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) {
			return nil, &sgmlError{tagLine, "fichier tronqué au milieu d'une balise"}
		}
		if name == "" || text[k] != '>' {
			bad := text[i:]
			if e := strings.IndexAny(bad, ">\n"); e >= 0 {
				bad = bad[:e+1]
			}
			return nil, &sgmlError{tagLine, fmt.Sprintf("balise illisible : « %s »", strings.TrimSpace(clip(bad, 40)))}
		}
		if len(name) > maxTag {
			return nil, &sgmlError{tagLine, fmt.Sprintf("balise trop longue : « %s… »", name[:maxTag])}
		}
		i = k + 1
		top := stack[len(stack)-1]
		if closing {
			if lastLeaf != nil && lastLeaf.tag == name {
				lastLeaf = nil
				continue
			}
			lastLeaf = nil
			at := -1
			for s := len(stack) - 1; s > 0; s-- {
				if stack[s].tag == name {
					at = s
					break
				}
			}
			if at < 0 {
				return nil, &sgmlError{tagLine, fmt.Sprintf("balise fermante </%s> sans balise ouvrante", name)}
			}
			for len(stack)-1 > at {
				unclosed(&stack)
			}
			stack = stack[:at]
			continue
		}
		lastLeaf = nil
		// The value runs to the next tag.
		v := i
		for v < len(text) && !(text[v] == '<' && tagStart(text, v)) {
			if text[v] == '\n' {
				line++
			}
			v++
		}
		value := text[i:v]
		i = v
		n := &node{tag: name, line: tagLine}
		top.kids = append(top.kids, n)
		if !aggregates[name] && (leaves[name] || strings.TrimSpace(value) != "") {
			n.text = entities(value)
			lastLeaf = n
			continue
		}
		if len(stack) > maxDepth {
			return nil, &sgmlError{tagLine, fmt.Sprintf("éléments imbriqués sur plus de %d niveaux", maxDepth)}
		}
		stack = append(stack, n)
	}
	for len(stack) > 1 {
		top := stack[len(stack)-1]
		if aggregates[top.tag] {
			return nil, &sgmlError{top.line, fmt.Sprintf("fichier tronqué : l'élément <%s> n'est jamais refermé", top.tag)}
		}
		unclosed(&stack)
	}
	return root, nil
}

// unclosed pops the top of the stack, an element never closed. A known
// aggregate keeps its children (a bank forgot its closing tag); any other
// was an empty leaf, and what followed it belongs to its parent.
func unclosed(stack *[]*node) {
	s := *stack
	top, parent := s[len(s)-1], s[len(s)-2]
	*stack = s[:len(s)-1]
	if aggregates[top.tag] {
		return
	}
	parent.kids = append(parent.kids, top.kids...)
	top.kids = nil
}

// tagStart says whether the '<' at i opens markup. A '<' followed by
// anything else is a stray character of a value, kept as text.
func tagStart(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	c := text[i+1]
	return c == '/' || c == '!' || c == '?' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
}

func nameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}

// entities decodes the character references OFX values use (OFX 1.0.2
// §2.3.2.1: &lt; &gt; &amp;, plus the common XML and numeric ones). An '&'
// that starts none of them is kept: banks write "M & MME" unescaped.
func entities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		a := strings.IndexByte(s, '&')
		if a < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:a])
		s = s[a:]
		semi := strings.IndexByte(s, ';')
		if semi > 1 && semi <= 10 {
			if r, ok := entity(s[1:semi]); ok {
				b.WriteString(r)
				s = s[semi+1:]
				continue
			}
		}
		b.WriteByte('&')
		s = s[1:]
	}
}

func entity(name string) (string, bool) {
	switch name {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	case "nbsp":
		return " ", true
	}
	if strings.HasPrefix(name, "#") {
		var r rune
		digits, base := name[1:], rune(10)
		if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
			digits, base = digits[1:], 16
		}
		if digits == "" || len(digits) > 6 {
			return "", false
		}
		for _, c := range strings.ToLower(digits) {
			d := rune(-1)
			switch {
			case c >= '0' && c <= '9':
				d = c - '0'
			case base == 16 && c >= 'a' && c <= 'f':
				d = c - 'a' + 10
			}
			if d < 0 {
				return "", false
			}
			r = r*base + d
		}
		if r > 0x10FFFF {
			return "", false
		}
		return string(r), true
	}
	return "", false
}

// clip cuts s to n runes at most, for quoting in a message.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return s
}
