package app

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

// Helpers building damaged and hostile workbooks for the reader's tests.

// xlsxParts reads every part of a package.
func xlsxParts(tb testing.TB, data []byte) map[string]string {
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

// zipParts writes parts as a package, in name order, with valid checksums.
func zipParts(tb testing.TB, parts map[string]string) []byte {
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

// withPart returns the package data with one part replaced by fn(part).
func withPart(tb testing.TB, data []byte, name string, fn func(string) string) []byte {
	tb.Helper()
	parts := xlsxParts(tb, data)
	old, ok := parts[name]
	if !ok {
		tb.Fatalf("no part %s", name)
	}
	parts[name] = fn(old)
	return zipParts(tb, parts)
}

// cutAfter cuts s after the n-th occurrence of sep (n from 1).
func cutAfter(s, sep string, n int) string {
	i := 0
	for ; n > 0; n-- {
		j := strings.Index(s[i:], sep)
		if j < 0 {
			panic("cutAfter: " + sep + " not found")
		}
		i += j + len(sep)
	}
	return s[:i]
}

// oneSheetParts is a workbook of one sheet « Feuil1 » whose sheet part is
// body (the children of <sheetData>), with the shared strings given.
func oneSheetParts(body string, shared ...string) map[string]string {
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

// bigPart writes a package whose part name holds prefix, n bytes of unit
// repeated and suffix, without compressing n bytes: the deflate stream of one
// mebibyte of units is repeated (its references never reach before its own
// start). The other parts are those of oneSheetParts(""). This is the zip
// bomb of a 1 GiB cell in a 1 MB file.
func bigPart(tb testing.TB, w io.Writer, name, prefix, unit string, n int64, suffix string) {
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
		tb.Fatal("bigPart: the unit must divide 1 MiB")
	}
	block := []byte(strings.Repeat(unit, chunk/len(unit)))
	head, body, tail := compress([]byte(prefix), false), compress(block, false), compress([]byte(suffix), true)
	crc := crc32.ChecksumIEEE([]byte(prefix))
	var raw int64 = int64(len(head)) + int64(len(tail))
	for left := n; left > 0; left -= chunk {
		if left < chunk {
			tb.Fatal("bigPart: n must be a multiple of 1 MiB")
		}
		crc = crc32.Update(crc, crc32.IEEETable, block)
		raw += int64(len(body))
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(suffix))
	zw := zip.NewWriter(w)
	parts := oneSheetParts("")
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
