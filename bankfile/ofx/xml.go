package ofx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxValue bounds the text kept of one leaf while reading; cleaning cuts
// it further to bankfile.MaxText runes.
const maxValue = 4096

// readXML builds the element tree of an OFX 2.x file (OFX 2.1.1 §2.3: an
// XML document, every element closed) and returns the VERSION of its
// <?OFX ...?> processing instruction. text is already UTF-8 (see decode),
// so the declared encoding is accepted as is.
func readXML(text string) (*node, string, error) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	// Banks write &eacute; and the like in OFX 2 files too.
	d.Entity = xml.HTMLEntity
	root := &node{}
	stack := []*node{root}
	version := ""
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				if strings.Contains(se.Msg, "unexpected EOF") {
					return nil, "", &sgmlError{line, "fichier tronqué : le XML s'arrête avant la fin du relevé"}
				}
				return nil, "", &sgmlError{line, "XML mal formé : " + xmlMsg(se.Msg)}
			}
			return nil, "", &sgmlError{line, "XML illisible (" + clip(err.Error(), 120) + ")"}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, "", &sgmlError{line, fmt.Sprintf("éléments imbriqués sur plus de %d niveaux", maxDepth)}
			}
			// line is InputPos before the token: the blanks before a
			// tag are a token of their own, so it is the tag's line.
			n := &node{tag: strings.ToUpper(t.Name.Local), line: line}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.CharData:
			if len(top.text) < maxValue {
				top.text += string(t)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "OFX") {
				version = attr(string(t.Inst), "VERSION")
			}
		}
	}
	return root, version, nil
}

// attr reads KEY="value" out of a processing instruction's text.
func attr(inst, key string) string {
	for _, f := range strings.Fields(inst) {
		if k, v, ok := strings.Cut(f, "="); ok && strings.EqualFold(k, key) {
			return strings.Trim(v, `"'`)
		}
	}
	return ""
}

// xmlMsg says in French what encoding/xml reports in English, for the
// mistakes a truncated or hand-edited file makes; others are quoted.
func xmlMsg(msg string) string {
	var a, b string
	if n, _ := fmt.Sscanf(msg, "element <%s closed by </%s", &a, &b); n == 2 {
		return fmt.Sprintf("l'élément <%s> est refermé par </%s>", strings.TrimSuffix(a, ">"), strings.TrimSuffix(b, ">"))
	}
	if n, _ := fmt.Sscanf(msg, "unexpected end element </%s", &a); n == 1 {
		return fmt.Sprintf("balise fermante </%s> sans balise ouvrante", strings.TrimSuffix(a, ">"))
	}
	return "« " + clip(msg, 120) + " »"
}
