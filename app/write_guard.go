package app

// PrepareLongWrite readies a long write of the books by a workflow that
// lives in a subpackage (an import): before anything is written, it
// refuses when the disk lacks room for lines rows and a safety copy, then
// takes the safety copy for reason and returns its path.
func (r *Residence) PrepareLongWrite(lines int, reason string) (string, error) {
	if err := r.ensureSpace(lines, true); err != nil {
		return "", err
	}
	return r.safetyCopy(reason)
}
