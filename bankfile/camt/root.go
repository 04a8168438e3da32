package camt

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// nsPrefix starts every ISO 20022 message namespace,
// "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02".
const nsPrefix = "urn:iso:std:iso:20022:tech:xsd:"

// The body elements (the child of Document) of the two messages.
const (
	stmtBody = "BkToCstmrStmt"
	ntfBody  = "BkToCstmrDbtCdtNtfctn"
)

// message is what the root of the file says it is.
type message struct {
	kind    string // "053" or "054"
	version string // "02", "08"; "" when the file gives no namespace
	body    xml.StartElement
}

func (m message) format() string {
	if m.version == "" {
		return "CAMT." + m.kind
	}
	return "CAMT." + m.kind + ".001." + m.version
}

// item is the element that holds one statement in the message.
func (m message) item() string {
	if m.kind == "053" {
		return "Stmt"
	}
	return "Ntfctn"
}

// firstElements reads the root element and, when it is Document, its first
// child: that is all it takes to know the message.
func firstElements(d *xml.Decoder) (root, body xml.StartElement, err error) {
	next := func() (xml.StartElement, error) {
		for {
			t, err := d.Token()
			if err != nil {
				return xml.StartElement{}, err
			}
			switch t := t.(type) {
			case xml.StartElement:
				return t, nil
			case xml.EndElement:
				return xml.StartElement{}, errEmptyDocument
			}
		}
	}
	if root, err = next(); err != nil {
		return
	}
	if root.Name.Local != "Document" {
		return root, root, nil
	}
	body, err = next()
	return
}

var errEmptyDocument = &xml.SyntaxError{Msg: "élément Document vide"}

// kindOf says which camt message a namespace names: kind "053"/"054" and
// version "02", "04"…, or "" when it is not a camt.053/054 namespace.
func kindOf(ns string) (kind, version string) {
	rest, ok := strings.CutPrefix(ns, nsPrefix)
	if !ok {
		return "", ""
	}
	for _, k := range []string{"053", "054"} {
		if v, ok := strings.CutPrefix(rest, "camt."+k+".001."); ok {
			return k, v
		}
	}
	return "", ""
}

// Sniff says whether data looks like a camt.053 or camt.054 message: XML
// whose root is Document in a camt.053/camt.054 namespace (any version, so
// that Parse can name a version it does not read), or, without a namespace,
// whose body element is BkToCstmrStmt or BkToCstmrDbtCdtNtfctn. Only the
// start of the file is read.
func Sniff(data []byte) bool {
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	d := newDecoder(bytes.NewReader(data))
	root, body, err := firstElements(d)
	if root.Name.Local == "" {
		return false
	}
	if root.Name.Local == "Document" && root.Name.Space != "" {
		k, _ := kindOf(root.Name.Space)
		return k != ""
	}
	if err != nil {
		return false
	}
	return body.Name.Local == stmtBody || body.Name.Local == ntfBody
}

// identify reads the start of the document and says which message it is,
// or why it is not one this package reads.
// err is the decoder's own error, for a file that is not well-formed XML.
func identify(d *xml.Decoder) (m message, why string, err error) {
	root, body, err := firstElements(d)
	switch {
	case root.Name.Local == "" && err == io.EOF:
		return message{}, "ce fichier ne contient aucun élément XML : ce n'est pas un relevé CAMT.053 ni un avis CAMT.054", nil
	case err == errEmptyDocument:
		return message{}, "l'élément Document est vide : ce n'est pas un relevé", nil
	case root.Name.Local == "":
		return message{}, "", err
	}
	k, v := kindOf(root.Name.Space)
	if root.Name.Local == "Document" && root.Name.Space != "" && k == "" {
		msg := "ce fichier XML n'est pas un relevé CAMT.053 ni un avis CAMT.054 : son élément racine est Document"
		if m, ok := strings.CutPrefix(root.Name.Space, nsPrefix); ok {
			return message{}, msg + " d'un message " + clean(m), nil
		}
		return message{}, msg + " de l'espace de noms « " + clean(root.Name.Space) + " »", nil
	}
	if err != nil {
		return message{}, "", err
	}
	if k != "" && v != "02" && v != "08" {
		return message{}, "message camt." + k + ".001." + clean(v) +
			" : seules les versions .001.02 et .001.08 des relevés camt.053 et des avis camt.054 sont lues", nil
	}
	switch {
	case body.Name.Local == stmtBody && (k == "053" || k == ""):
		return message{kind: "053", version: v, body: body}, "", nil
	case body.Name.Local == ntfBody && (k == "054" || k == ""):
		return message{kind: "054", version: v, body: body}, "", nil
	case k != "":
		return message{}, "le message camt." + k + " devrait contenir l'élément " +
			map[string]string{"053": stmtBody, "054": ntfBody}[k] + ", il contient " + clean(body.Name.Local), nil
	}
	return message{}, "ce fichier XML n'est pas un relevé CAMT.053 ni un avis CAMT.054 : son élément racine est " + clean(root.Name.Local), nil
}
