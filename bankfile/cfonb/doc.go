// Package cfonb reads the two French interbank fixed-width formats a bank
// gives its customers: the CFONB 120 « relevé de compte » (records 01 old
// balance, 04 movement, 05 complement of the movement, 07 new balance) and
// the CFONB 240 « opérations restituées à la clientèle » (records 31
// header, 34 detail, 39 total). Both come down to bankfile.Statement in
// exact cents. The layouts follow the CFONB brochures: « Relevé de compte
// sur support informatique » and its « Évolution du relevé 120 » (version
// 2.0, March 2010) for the 05 qualifiers, and « Opérations restituées à la
// clientèle au format interbancaire de 240 caractères » (2004).
//
// Positions in comments are the brochures' 1-based positions; the code
// indexes runes from 0, so position p is index p-1.
package cfonb
