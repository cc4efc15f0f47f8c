"""Building blocks of the lookup screens: card lists, the search bar, choices, the base screen."""
