package fresh
