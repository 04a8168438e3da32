package camt

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// newDecoder is a strict encoding/xml decoder that also reads the one-byte
// encodings a bank export may still declare (ISO 20022 itself says UTF-8).
func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	return d
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252; latin-1 gives the rest.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		return &singleByte{r: bufio.NewReader(r)}, nil
	}
	return nil, &charsetError{"encodage « " + clean(label) + " » non pris en charge (UTF-8 attendu)"}
}

// charsetError is an encoding the file declares and that is not read.
type charsetError struct{ msg string }

func (e *charsetError) Error() string { return e.msg }

// singleByte turns Windows-1252 (a superset of the printable latin-1) into
// UTF-8.
type singleByte struct {
	r   *bufio.Reader
	out []byte
}

func (s *singleByte) Read(p []byte) (int, error) {
	for len(s.out) < len(p) {
		b, err := s.r.ReadByte()
		if err != nil {
			if len(s.out) == 0 {
				return 0, err
			}
			break
		}
		r := rune(b)
		if b >= 0x80 && b < 0xA0 {
			if r = cp1252[b-0x80]; r == 0 {
				r = ' '
			}
		}
		s.out = utf8.AppendRune(s.out, r)
	}
	n := copy(p, s.out)
	s.out = s.out[n:]
	return n, nil
}
