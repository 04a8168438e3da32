// Package assets holds the files embedded in the programs: the fonts PDFs
// are written with (DejaVu Sans: fpdf's core fonts cannot print €, é or œ)
// and the program's icon.
package assets

import _ "embed"

// DejaVuSans is the regular font of every document (license: fonts/LICENSE-DejaVu.txt).
//
//go:embed fonts/DejaVuSans.ttf
var DejaVuSans []byte

// DejaVuSansBold is its bold face.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var DejaVuSansBold []byte

// Icon is the program's icon, 256×256 PNG.
//
//go:embed icon.png
var Icon []byte
