// Package fr writes and reads text the French way, once for the whole
// program: amounts ("1 234,56"), tantièmes ("1 000", "12,5"), lists
// ("9, 14 et 19"), counts and plurals, accent folding for searches and
// header matching, file names in capital ASCII, IBANs in groups of four.
// It depends on nothing of Tantième's, so ledger, app, reports, ui and
// cmd all use it.
package fr
