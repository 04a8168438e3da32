package bankfile

// A statement file is outside input: hostile until checked. These bound
// what a parser reads whatever the file says, so that memory stays bounded
// (a month of a 200-lot residence is a few hundred lines; a bank's yearly
// export a few tens of thousands).
const (
	MaxFileBytes = 64 << 20 // a file larger than this is refused before reading
	MaxLines     = 200_000  // movements in one file
	MaxText      = 500      // characters kept of one label or detail
)
