package ofx

// node is one OFX element: an aggregate with children, or a leaf with a
// value. The SGML and the XML readers both build this tree.
type node struct {
	tag  string // upper case, as OFX spells its tags
	text string // a leaf's value, entities decoded, not yet cleaned
	line int    // 1-based line of the opening tag, for messages
	kids []*node
}

// child is the first direct child with that tag, nil if none.
func (n *node) child(tag string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.tag == tag {
			return k
		}
	}
	return nil
}

// value is the text of the direct child leaf with that tag, "" if none.
func (n *node) value(tag string) string {
	if k := n.child(tag); k != nil {
		return k.text
	}
	return ""
}

// walk calls f on n and every element below it, in document order, and
// does not descend under an element for which f returns false.
func (n *node) walk(f func(*node) bool) {
	if !f(n) {
		return
	}
	for _, k := range n.kids {
		k.walk(f)
	}
}

// maxDepth bounds nesting: a real statement is 7 levels deep
// (OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN/PAYEE); a hostile
// file must not make the readers recurse or stack without end.
const maxDepth = 32

// maxTag bounds a tag's name (the longest OFX tag is under 20 characters).
const maxTag = 32
