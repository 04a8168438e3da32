// Package sheettest builds workbooks for tests: whole packages from their
// parts, damaged or hostile ones (cut parts, huge parts written as they
// stream), and a minimal workbook as programs other than Excel write them.
// The reader's tests and the import assistant's use the same ones.
package sheettest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"testing"
)

// Parts reads every part of a package.
func Parts(tb testing.TB, data []byte) map[string]string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// Zip writes parts as a package, in name order, with valid checksums.
func Zip(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			tb.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// WithPart returns the package data with one part replaced by fn(part).
func WithPart(tb testing.TB, data []byte, name string, fn func(string) string) []byte {
	tb.Helper()
	parts := Parts(tb, data)
	old, ok := parts[name]
	if !ok {
		tb.Fatalf("no part %s", name)
	}
	parts[name] = fn(old)
	return Zip(tb, parts)
}

// CutAfter cuts s after the n-th occurrence of sep (n from 1).
func CutAfter(s, sep string, n int) string {
	i := 0
	for ; n > 0; n-- {
		j := strings.Index(s[i:], sep)
		if j < 0 {
			panic("CutAfter: " + sep + " not found")
		}
		i += j + len(sep)
	}
	return s[:i]
}

// OneSheetParts is a workbook of one sheet « Feuil1 » whose sheet part is
// body (the children of <sheetData>), with the shared strings given.
func OneSheetParts(body string, shared ...string) map[string]string {
	var sst strings.Builder
	for _, s := range shared {
		sst.WriteString("<si><t>" + s + "</t></si>")
	}
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml":     `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst.String() + `</sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + body + `</sheetData></worksheet>`,
	}
}

// BigPart writes a package whose part name holds prefix, n bytes of unit
// repeated and suffix, without compressing n bytes: the deflate stream of one
// mebibyte of units is repeated (its references never reach before its own
// start). The other parts are those of OneSheetParts(""). This is the zip
// bomb of a 1 GiB cell in a 1 MB file.
func BigPart(tb testing.TB, w io.Writer, name, prefix, unit string, n int64, suffix string) {
	tb.Helper()
	compress := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	const chunk = 1 << 20
	if chunk%len(unit) != 0 {
		tb.Fatal("BigPart: the unit must divide 1 MiB")
	}
	block := []byte(strings.Repeat(unit, chunk/len(unit)))
	head, body, tail := compress([]byte(prefix), false), compress(block, false), compress([]byte(suffix), true)
	crc := crc32.ChecksumIEEE([]byte(prefix))
	var raw int64 = int64(len(head)) + int64(len(tail))
	for left := n; left > 0; left -= chunk {
		if left < chunk {
			tb.Fatal("BigPart: n must be a multiple of 1 MiB")
		}
		crc = crc32.Update(crc, crc32.IEEETable, block)
		raw += int64(len(body))
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(suffix))
	zw := zip.NewWriter(w)
	parts := OneSheetParts("")
	delete(parts, name)
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		if body, ok := parts[p]; ok {
			pw, _ := zw.Create(p)
			io.WriteString(pw, body)
		}
	}
	pw, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(raw), UncompressedSize64: uint64(int64(len(prefix)) + n + int64(len(suffix)))})
	if err != nil {
		tb.Fatal(err)
	}
	pw.Write(head)
	for left := n; left > 0; left -= chunk {
		pw.Write(body)
	}
	pw.Write(tail)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
}

func MinimalXLSX(tb testing.TB) []byte {
	tb.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/classeur.xml"/></Relationships>`},
		{"xl/classeur.xml", `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Données &amp; co" sheetId="1" r:id="rId1"/><x:sheet name="Graphique" sheetId="2" r:id="rId2"/><x:sheet name="Cachée" sheetId="3" state="hidden" r:id="rId3"/></x:sheets></x:workbook>`},
		{"xl/_rels/classeur.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="feuilles/f1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="graph/g1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/feuilles/f2.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="textes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/textes.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>Compte</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Dupont </t></r><r><t>Zoé</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si></sst>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="000"/><numFmt numFmtId="165" formatCode="[$-40C]d\ mmmm\ yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`},
		{"xl/feuilles/f1.xml", `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>` +
			`<x:row><x:c s="1"><x:v>7</x:v></x:c><x:c t="inlineStr"><x:is><x:t>ligne_x000D_
suite _x005F_x</x:t></x:is></x:c><x:c s="2"><x:v>44927</x:v></x:c><x:c s="3"><x:v>1234.5600000000001</x:v></x:c></x:row>` +
			`<x:row r="5"><x:c r="B5" t="e"><x:v>#REF!</x:v></x:c><x:c r="D5" t="b"><x:v>1</x:v></x:c><x:c r="E5"><x:f>A1+1</x:f></x:c></x:row>` +
			`</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="C2:C3"/></x:mergeCells></x:worksheet>`},
		{"xl/feuilles/f2.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row></sheetData></worksheet>`},
		{"xl/graph/g1.xml", `<?xml version="1.0" encoding="UTF-8"?><chartsheet/>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
