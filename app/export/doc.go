// Package export writes the books of one exercise for other programs: the
// FEC an accountant's software reads (fec.go), an hledger journal
// (hledger.go) and an Excel workbook laid out as the import reads it
// (xlsx.go). Each reads the residence in one transaction through
// app.Residence.View and writes nothing to it: the exports are a leaf that
// nothing in app needs, hence their own package.
package export
