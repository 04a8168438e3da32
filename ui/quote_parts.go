package ui

func (s *Shell) quotePartsForm() {}
