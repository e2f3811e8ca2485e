"""Where people are: postal addresses in Chinese (Simplified and Traditional script), English
and the languages of continental Europe."""
