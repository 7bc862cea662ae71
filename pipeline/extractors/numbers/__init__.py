"""Numbers in digits and in words under Vietnamese conventions: the layer quantities build on."""
