package export

// FECDate is fecDate for the external tests.
var FECDate = fecDate
