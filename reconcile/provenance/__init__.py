"""Where a claim comes from: copies of one article, and the original claimant behind a claim."""
