package camt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"tantieme/bankfile"
)

// Parse reads a camt.053 or camt.054 message (versions .001.02 and .001.08)
// into one Statement per Stmt or Ntfctn. name is the file's name, for the
// messages. Entries that are not booked are left out (ParseAll counts them).
func Parse(name string, data []byte) ([]bankfile.Statement, error) {
	st, _, err := ParseAll(name, data)
	return st, err
}

// ParseAll is Parse that also says how many entries were left out because
// they are not booked (pending, information only, future), for the import
// report.
func ParseAll(name string, data []byte) (st []bankfile.Statement, skipped int, err error) {
	p := &parser{file: name}
	if len(data) > bankfile.MaxFileBytes {
		return nil, 0, p.fail("", fmt.Sprintf("fichier trop volumineux (%d Mo, au plus %d Mo)", len(data)>>20, bankfile.MaxFileBytes>>20))
	}
	p.d = newDecoder(bytes.NewReader(data))
	msg, why, err := identify(p.d)
	if err != nil {
		return nil, 0, p.xmlError(err)
	}
	if why != "" {
		return nil, 0, p.fail("", why)
	}
	p.msg = msg
	if err := p.body(); err != nil {
		return nil, 0, err
	}
	if len(p.out) == 0 {
		return nil, 0, p.fail("", fmt.Sprintf("le fichier ne contient aucun élément %s : ce n'est pas un relevé", msg.item()))
	}
	return p.out, p.skipped, nil
}

type parser struct {
	file    string
	d       *xml.Decoder
	msg     message
	out     []bankfile.Statement
	lines   int // lines kept in the whole file, bounded by MaxLines
	skipped int
	// Element counts over the whole file, for the messages: "élément Ntry
	// n° 7" is the seventh Ntry of the file.
	nStmt, nBal, nNtry int
}

func (p *parser) fail(where, msg string) error {
	return &bankfile.Error{File: p.file, Where: where, Msg: msg}
}

// xmlError turns the decoder's error into a message located by line.
func (p *parser) xmlError(err error) error {
	line, _ := p.d.InputPos()
	var se *xml.SyntaxError
	var ce *charsetError
	msg := err.Error()
	if errors.As(err, &ce) {
		return p.fail(fmt.Sprintf("ligne %d", line), ce.msg)
	}
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(msg, "unexpected EOF") {
		return p.fail(fmt.Sprintf("ligne %d", line), "le fichier s'arrête au milieu du XML : il est tronqué")
	}
	return p.fail(fmt.Sprintf("ligne %d", line), "XML mal formé ("+clean(msg)+")")
}

// body walks the children of BkToCstmrStmt / BkToCstmrDbtCdtNtfctn: one
// Statement per Stmt / Ntfctn, the group header and the rest skipped.
func (p *parser) body() error {
	for {
		t, err := p.d.Token()
		if err != nil {
			return p.xmlError(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != p.msg.item() {
				if err := p.d.Skip(); err != nil {
					return p.xmlError(err)
				}
				continue
			}
			p.nStmt++
			if err := p.statement(); err != nil {
				return err
			}
		case xml.EndElement:
			// The body has ended; what follows (the end of Document) must
			// still be well-formed XML.
			for {
				if _, err := p.d.Token(); err != nil {
					if err == io.EOF {
						return nil
					}
					return p.xmlError(err)
				}
			}
		}
	}
}
