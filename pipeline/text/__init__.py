"""The text every offset indexes: cleaning (`clean`) and sentences and words (`tokenize`)."""
