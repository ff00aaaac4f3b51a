/** Regions offered in the pickers; any valid region name can still be typed. */
export const AWS_REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
  "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1",
  "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-east-1",
  "sa-east-1", "me-south-1", "af-south-1", "cn-north-1", "cn-northwest-1",
] as const;

export const ALIBABA_REGIONS = [
  "cn-shanghai", "cn-beijing", "cn-hangzhou", "cn-shenzhen", "cn-qingdao", "cn-zhangjiakou", "cn-hongkong",
  "ap-southeast-1", "ap-northeast-1", "eu-central-1", "eu-west-1", "us-east-1", "us-west-1",
] as const;
