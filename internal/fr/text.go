package fr

import "strings"

// LowerFirst puts the first letter of a sentence in lower case, to follow
// a colon: « Clôture impossible : le compte… ».
func LowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// UpperFirst puts the first letter in upper case, to start a line with
// what is written to follow a colon elsewhere.
func UpperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// NonEmpty keeps the items that are not blank, trimmed: the lines of an
// address, some of which may be missing.
func NonEmpty(items ...string) []string {
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
