package sepa

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// node is an element of the message being built. The four message
// versions differ by a few names and wrappers only, so the writers build a
// small tree rather than keep four sets of tagged structs.
type node struct {
	name  string
	attrs []xml.Attr
	text  string
	kids  []*node
}

// el is an element with children; nil children (an optional element not
// given) are left out.
func el(name string, kids ...*node) *node {
	n := &node{name: name}
	for _, k := range kids {
		if k != nil {
			n.kids = append(n.kids, k)
		}
	}
	return n
}

// leaf is an element holding text.
func leaf(name, text string) *node { return &node{name: name, text: text} }

// opt is a leaf written only when its text is not empty.
func opt(name, text string) *node {
	if text == "" {
		return nil
	}
	return leaf(name, text)
}

func (n *node) encode(e *xml.Encoder) error {
	start := xml.StartElement{Name: xml.Name{Local: n.name}, Attr: n.attrs}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if n.text != "" {
		if err := e.EncodeToken(xml.CharData(n.text)); err != nil {
			return err
		}
	}
	for _, k := range n.kids {
		if err := k.encode(e); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// writeDocument writes <Document xmlns="urn:iso:std:iso:20022:tech:xsd:…">
// around body, to a buffer first: w receives the whole file or nothing.
func writeDocument(w io.Writer, v Version, body *node) error {
	doc := el("Document", body)
	doc.attrs = []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: "urn:iso:std:iso:20022:tech:xsd:" + string(v)}}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	e := xml.NewEncoder(&b)
	e.Indent("", "  ")
	if err := doc.encode(e); err != nil {
		return err
	}
	if err := e.Close(); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// money writes cents as the XSD's decimal with two decimals and a dot
// (ActiveOrHistoricCurrencyAndAmount, DecimalNumber): 123456 → "1234.56".
func money(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }

var attrCcy = []xml.Attr{{Name: xml.Name{Local: "Ccy"}, Value: "EUR"}}

func itoa(n int) string { return fmt.Sprint(n) }
