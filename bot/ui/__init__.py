"""The Discord adapter: the Bot subclass, cards, the card editor and announcements, replies."""
