package cfonb

import (
	"bytes"
	"unicode/utf8"
)

// Sniff says whether the content looks like a CFONB file: its first record
// is 120 characters long and starts with 01, 04, 05 or 07 followed by a
// bank code (CFONB 120), or 240 characters long and starts with 31, 34 or
// 39 followed by a six-digit sequence number (CFONB 240). The file's name
// is never looked at.
func Sniff(data []byte) bool {
	k, _ := kind(data)
	return k != kindNone
}

const (
	kindNone = iota
	kind120
	kind240
)

// kind classifies a file by its first non-blank line, and says how many
// characters that line has.
func kind(data []byte) (int, int) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for len(data) > 0 {
		i := bytes.IndexAny(data, "\r\n")
		line := data
		if i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		n := len(line)
		if utf8.Valid(line) {
			n = utf8.RuneCount(line)
		}
		switch {
		case n == 120 && len(line) >= 20 && isCode(line[:2], "01", "04", "05", "07") && digits(string(line[2:7])) && letters(line[16:19]):
			return kind120, n
		case n == 240 && len(line) >= 8 && isCode(line[:2], "31", "34", "39") && digits(string(line[2:8])):
			return kind240, n
		}
		return kindNone, n
	}
	return kindNone, 0
}

func isCode(b []byte, codes ...string) bool {
	for _, c := range codes {
		if string(b) == c {
			return true
		}
	}
	return false
}

func letters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
