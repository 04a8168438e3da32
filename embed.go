// Package tantieme holds the files of the repository's root that the
// programs show: the licence and the fonts' licence, for « À propos ».
//
// It lives at the root because go:embed cannot reach a parent folder: the
// About box reads the very LICENSE file the repository is published under,
// so the text shown can never differ from it (a copy could).
package tantieme

import _ "embed"

// License is the MIT licence of Tantième (the LICENSE file).
//
//go:embed LICENSE
var License string

// DejaVuLicense is the licence of the DejaVu fonts embedded in the PDF
// documents (Bitstream Vera licence; DejaVu changes in the public domain).
//
//go:embed assets/fonts/LICENSE-DejaVu.txt
var DejaVuLicense string
