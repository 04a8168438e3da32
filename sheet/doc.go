// Package sheet reads the spreadsheets a syndic brings: Excel workbooks
// (.xlsx) and CSV files, streamed, within limits (MaxFileBytes, MaxRows,
// MaxCells, MaxCellChars) so that memory stays bounded whatever the file,
// every problem located as Excel shows it (Problem: file, sheet, row,
// column). It knows nothing of imports: the import assistant (app) maps its
// cells to owners, lots and entries.
//
// Spreadsheets are read by this small layer rather than by excelize:
// excelize needs about 4 s just to read the values and cell types of a
// 50 000-row sheet, while streaming the sheet's XML ourselves takes a tenth
// of that, and the import needs very little of a workbook (values, number
// formats, merged cells). excelize still writes the exports and the test
// files.
package sheet
