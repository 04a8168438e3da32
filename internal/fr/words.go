package fr

import (
	"strconv"
	"strings"
)

// Join joins a list the French way: "1, 2, 3 ou 4", last being "et" or "ou".
func Join(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + last + " " + items[len(items)-1]
}

// Count writes a count with its noun: "0 écriture", "1 écriture", "12
// écritures".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Word(n, one, many)
}

// Word is the noun for a count, French rule as S: one for 0 and 1, many
// from 2.
func Word(n int, one, many string) string {
	if n <= 1 {
		return one
	}
	return many
}

// S is the plural mark after a count, French rule: "" for 0 and 1, "s"
// from 2 ("1 lot", "0 lot coché", "3 lots").
func S(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// Sentence ends s with a full stop, once (not after « ! », « ? » or « … »).
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}
