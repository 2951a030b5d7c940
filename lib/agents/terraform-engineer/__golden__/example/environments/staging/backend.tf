# State in S3, encrypted; the DynamoDB table holds the lock so two applies never run at once.
terraform {
  backend "s3" {
    bucket         = "acme-payments-tfstate"
    key            = "pay/staging/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}
